using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerEthics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgramPledgeTemplates_ProgramId",
                table: "ProgramPledgeTemplates");

            migrationBuilder.AddColumn<bool>(
                name: "RecordIpAddress",
                table: "ProgramPledgeTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ProgramPledgeTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CredentialId = table.Column<int>(type: "INTEGER", nullable: true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_CodeVersions_CodeVersionId",
                        column: x => x.CodeVersionId,
                        principalTable: "CodeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Commitments_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Commitments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramPledgeTemplates_ProgramId_Version",
                table: "ProgramPledgeTemplates",
                columns: new[] { "ProgramId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CodeVersionId",
                table: "Commitments",
                column: "CodeVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CohortId",
                table: "Commitments",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CommitmentId",
                table: "Commitments",
                column: "CommitmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CredentialId",
                table: "Commitments",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_PersonId_ProgramId_CodeVersionId",
                table: "Commitments",
                columns: new[] { "PersonId", "ProgramId", "CodeVersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_ProgramId",
                table: "Commitments",
                column: "ProgramId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_ProgramPledgeTemplates_ProgramId_Version",
                table: "ProgramPledgeTemplates");

            migrationBuilder.DropColumn(
                name: "RecordIpAddress",
                table: "ProgramPledgeTemplates");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ProgramPledgeTemplates");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramPledgeTemplates_ProgramId",
                table: "ProgramPledgeTemplates",
                column: "ProgramId",
                unique: true);
        }
    }
}
