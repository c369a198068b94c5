using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;
using PeerEthics.Data;

namespace PeerEthics.Codes;

public sealed record VersionSummary(int Number, DateOnly EffectiveDate, DateTimeOffset PublishedAt, string ContentHash, string Title);

public sealed record CodeSummary(string Slug, string Title, string? Issuer, IReadOnlyList<string> Programs, VersionSummary? InForce, int VersionCount);

/// <summary>A code version ready to show: its parsed document and the themes of each principle.</summary>
public sealed record CodeVersionView(
    string Code,
    VersionSummary Version,
    bool InForce,
    IReadOnlyList<VersionSummary> AllVersions,
    ParsedCode Document,
    IReadOnlyList<IReadOnlyList<ThemeTag>> Themes)
{
    public CodeDocumentJson ToJson() => CodeDocumentJson.From(Document, Themes);
}

/// <summary>
/// Reads codes for pages, the API and the command line. Published versions never change, so a version's
/// parsed document and themes are computed once per process and kept.
/// </summary>
public sealed class CodeReader(PeerEthicsDb db, TimeProvider clock, ParsedVersionCache cache)
{
    public async Task<IReadOnlyList<CodeSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = Today();
        var codes = await db.Codes.AsNoTracking()
            .AsSplitQuery()
            .OrderBy(c => c.Title)
            .Select(c => new
            {
                c.Slug,
                c.Title,
                Programs = c.Programs.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                Versions = c.Versions.Select(v => new VersionSummary(v.Number, v.EffectiveDate, v.PublishedAt, v.ContentHash, v.Title)).ToList(),
                Issuer = c.Versions.OrderByDescending(v => v.Number).Select(v => v.Issuer).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. codes.Select(c => new CodeSummary(c.Slug, c.Title, c.Issuer, c.Programs, InForceOn(c.Versions, today), c.Versions.Count))];
    }

    /// <summary>The version <paramref name="number"/> of a code, or the one in force today when null.</summary>
    public async Task<CodeVersionView?> GetAsync(string code, int? number = null, CancellationToken cancellationToken = default)
    {
        var versions = await db.CodeVersions.AsNoTracking()
            .Where(v => v.Code.Slug == code)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Id, Summary = new VersionSummary(v.Number, v.EffectiveDate, v.PublishedAt, v.ContentHash, v.Title) })
            .ToListAsync(cancellationToken);
        var all = versions.Select(v => v.Summary).ToList();
        var inForce = InForceOn(all, Today());
        var wanted = number is null ? inForce : all.FirstOrDefault(v => v.Number == number);
        if (wanted is null)
        {
            return null;
        }

        var id = versions.Single(v => v.Summary.Number == wanted.Number).Id;
        var (document, themes) = await cache.GetAsync(id, async () =>
            await db.CodeVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.DocumentJson).SingleAsync(cancellationToken));
        return new CodeVersionView(code, wanted, wanted == inForce, all, document, themes);
    }

    /// <summary>
    /// The version in force on a day: the latest whose effective date has come. Before any has, the
    /// earliest one, so a program's first, not yet effective, code is still readable.
    /// </summary>
    public static VersionSummary? InForceOn(IReadOnlyList<VersionSummary> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveDate <= day).OrderBy(v => v.EffectiveDate).ThenBy(v => v.Number).LastOrDefault()
        ?? versions.OrderBy(v => v.EffectiveDate).ThenBy(v => v.Number).FirstOrDefault();

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>Parsed documents and themes of published (immutable) versions, by version id.</summary>
public sealed class ParsedVersionCache(ThemeTagger tagger)
{
    private readonly ConcurrentDictionary<int, (ParsedCode, IReadOnlyList<IReadOnlyList<ThemeTag>>)> _versions = new();

    public async Task<(ParsedCode Document, IReadOnlyList<IReadOnlyList<ThemeTag>> Themes)> GetAsync(int versionId, Func<Task<string>> loadDocumentJson)
    {
        if (_versions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        var document = JsonSerializer.Deserialize<ParsedCode>(await loadDocumentJson(), CodePublisher.DocumentJsonOptions)!;
        IReadOnlyList<IReadOnlyList<ThemeTag>> themes = [.. document.Principles.Select(p => tagger.Tag(p.Text))];
        return _versions.GetOrAdd(versionId, (document, themes));
    }
}
