using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerEthics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgramSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgramSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    RenewalCycleMonths = table.Column<int>(type: "integer", nullable: false),
                    CeHoursPerCycle = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    EthicsHoursPerCycle = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    GracePeriodDays = table.Column<int>(type: "integer", nullable: false),
                    RenewalWindowDays = table.Column<int>(type: "integer", nullable: false),
                    NumberFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToConfirm = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramSettings_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramSettings_ProgramId_EffectiveFrom",
                table: "ProgramSettings",
                columns: new[] { "ProgramId", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgramSettings");
        }
    }
}
