using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes;

/// <summary>Publishing code versions: immutable, hashed, in force from their effective date. Each test has its own app.</summary>
public sealed class CodeVersioningTests
{
    [Theory, AllDatabases]
    public async Task Loading_the_shipped_codes_again_adds_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();

        await app.Services.LoadShippedCodesAsync();
        await app.Services.LoadShippedCodesAsync();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(2, await db.Programs.CountAsync());
        Assert.Equal(2, await db.CodeVersions.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task A_published_version_has_the_sha256_of_its_canonical_text(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        var version = await db.CodeVersions.SingleAsync(v => v.Code.Slug == Seeds.Massachusetts);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(PeerEthics.Codes.Import.CodeText.Canonicalize(Seeds.Text(Seeds.Massachusetts)))));
        Assert.Equal(expected, version.ContentHash);
        Assert.Equal(14, await db.Principles.CountAsync(p => p.CodeVersionId == version.Id));
    }

    [Theory, AllDatabases]
    public async Task The_same_text_with_windows_line_endings_and_a_bom_is_the_same_version(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var publisher = scope.ServiceProvider.GetRequiredService<CodePublisher>();

        var outcome = await publisher.PublishAsync(Seeds.Missouri, "\uFEFF" + Seeds.Text(Seeds.Missouri).Replace("\n", "\r\n", StringComparison.Ordinal), new DateOnly(2027, 1, 1));

        var already = Assert.IsType<PublishOutcome.AlreadyPublished>(outcome);
        Assert.Equal(1, already.Version.Number);
    }

    [Theory, AllDatabases]
    public async Task A_published_version_cannot_be_changed_in_place(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var principle = await db.Principles.FirstAsync();
        var original = principle.Text;

        principle.Text = "Anything goes.";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);
        await using var fresh = app.Scope();
        Assert.Equal(original, (await fresh.ServiceProvider.GetRequiredService<PeerEthicsDb>().Principles.AsNoTracking().FirstAsync(p => p.Id == principle.Id)).Text);
    }

    [Theory, AllDatabases]
    public async Task A_new_version_comes_into_force_on_its_effective_date(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClient();
        await using (var scope = app.Scope())
        {
            var revised = Seeds.Text(Seeds.Missouri).Replace("18. CMPS will provide", "18. CMPS will always provide", StringComparison.Ordinal);
            var outcome = await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(Seeds.Missouri, revised, new DateOnly(2027, 1, 1));
            Assert.Equal(2, Assert.IsType<PublishOutcome.Published>(outcome).Version.Number);
        }

        var before = await client.GetFromJsonAsync<CodeVersionResponse>("/api/codes/missouri-cmps");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        var after = await client.GetFromJsonAsync<CodeVersionResponse>("/api/codes/missouri-cmps");

        Assert.Equal(1, before!.Version);
        Assert.Equal(2, after!.Version);
        Assert.Equal([1, 2], after.Versions.Select(v => v.Number));
        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Theory, AllDatabases]
    public async Task A_document_without_principles_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(Seeds.Missouri, "A Code of Ethics\n\nWe will be good.", new DateOnly(2027, 1, 1));

        var refused = Assert.IsType<PublishOutcome.Refused>(outcome);
        Assert.Contains("No principles were found", refused.Errors["document"][0], StringComparison.Ordinal);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CodeVersions.CountAsync());
    }
}
