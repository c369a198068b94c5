using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerEthics.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RenewalCycleMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CeHoursPerCycle = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    EthicsHoursPerCycle = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    GracePeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewalWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NumberFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToConfirm = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
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
