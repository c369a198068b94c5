using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerEthics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegistryChangedAt",
                table: "Credentials",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "RegistryNameKeys",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                INSERT INTO "RegistryNameKeys" ("PersonId", "Key")
                SELECT DISTINCT p."Id", array_to_string(w.words[i:] || w.words[:i - 1], ' ')
                FROM "People" p
                CROSS JOIN LATERAL unnest(string_to_array(p."SearchName", '|')) AS n(name)
                CROSS JOIN LATERAL (SELECT string_to_array(n.name, ' ') AS words) AS w
                CROSS JOIN LATERAL generate_subscripts(w.words, 1) AS i
                WHERE n.name <> '';
                """);
            migrationBuilder.Sql("""
                UPDATE "Credentials" c SET "RegistryChangedAt" = COALESCE(
                  (SELECT MAX(h."At") FROM "CredentialStatusHistory" h WHERE h."CredentialId" = c."Id"),
                  (SELECT p."CreatedAt" FROM "People" p WHERE p."Id" = c."PersonId"));
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
