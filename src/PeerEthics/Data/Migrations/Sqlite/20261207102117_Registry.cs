using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerEthics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RegistryChangedAt",
                table: "Credentials",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "RegistryNameKeys",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryNameKeys", x => new { x.Key, x.PersonId });
                    table.ForeignKey(
                        name: "FK_RegistryNameKeys_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Backfill: the registry's name keys from each person's stored search name (already normalized: names
            // split at '|', every rotation of each name's words, as RegistryKeys.For), and each credential's last
            // registry change from its latest status change (expiry changes before now are not dated separately).
            migrationBuilder.Sql("""
                WITH RECURSIVE
                  parts(PersonId, part, rest) AS (
                    SELECT Id, '', SearchName || '|' FROM People WHERE SearchName <> ''
                    UNION ALL
                    SELECT PersonId, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1) FROM parts WHERE rest <> ''),
                  turns(PersonId, head, tail) AS (
                    SELECT PersonId, '', part FROM parts WHERE part <> ''
                    UNION ALL
                    SELECT PersonId, ltrim(head || ' ' || substr(tail, 1, instr(tail, ' ') - 1)), substr(tail, instr(tail, ' ') + 1)
                    FROM turns WHERE instr(tail, ' ') > 0)
                INSERT INTO RegistryNameKeys (PersonId, Key) SELECT DISTINCT PersonId, rtrim(tail || ' ' || head) FROM turns;
                """);
            migrationBuilder.Sql("""
                UPDATE Credentials SET RegistryChangedAt = COALESCE(
                  (SELECT MAX(h.At) FROM CredentialStatusHistory h WHERE h.CredentialId = Credentials.Id),
                  (SELECT p.CreatedAt FROM People p WHERE p.Id = Credentials.PersonId));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_RegistryChangedAt",
                table: "Credentials",
                column: "RegistryChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryNameKeys_PersonId_Key",
                table: "RegistryNameKeys",
                columns: new[] { "PersonId", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryNameKeys");

            migrationBuilder.DropIndex(
                name: "IX_Credentials_RegistryChangedAt",
                table: "Credentials");

            migrationBuilder.DropColumn(
                name: "RegistryChangedAt",
                table: "Credentials");
        }
    }
}
