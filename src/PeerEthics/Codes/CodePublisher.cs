using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Codes.Import;
using PeerEthics.Data;

namespace PeerEthics.Codes;

/// <summary>What publishing a code document came to.</summary>
public abstract record PublishOutcome
{
    /// <summary>A new version was stored; from the second version on, with the re-commitment campaign it started.</summary>
    public sealed record Published(CodeVersion Version) : PublishOutcome
    {
        public Campaigns.CampaignStarted? Campaign { get; init; }
    }

    /// <summary>The code already has a version with this exact text; nothing was stored.</summary>
    public sealed record AlreadyPublished(CodeVersion Version) : PublishOutcome;

    /// <summary>Nothing was stored; each error names the field and the rule.</summary>
    public sealed record Refused(IReadOnlyDictionary<string, string[]> Errors) : PublishOutcome;
}

/// <summary>The effective date of a code's latest version, before which no new version may come into force.</summary>
public sealed record EarliestEffective(DateOnly Date, int Version)
{
    public string Rule(DateOnly given) =>
        $"The effective date, {Web.Display.Date(given)}, is before {Web.Display.Date(Date)}, the effective date of version {Version}. "
        + "A new version must take effect on or after that day.";
}

/// <summary>Stores a code document as a new immutable version of a program's code.</summary>
public sealed class CodePublisher(PeerEthicsDb db, TimeProvider clock, AuditLog audit, Campaigns.CampaignStarter campaigns)
{
    internal static readonly JsonSerializerOptions DocumentJsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<PublishOutcome> PublishAsync(string programSlug, string source, DateOnly effective, CancellationToken cancellationToken = default)
    {
        var program = await db.Programs.Include(p => p.Code).SingleOrDefaultAsync(p => p.Slug == programSlug, cancellationToken);
        if (program is null)
        {
            var known = await db.Programs.OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken);
            return Refuse("program", $"There is no program '{programSlug}'. Known programs: {string.Join(", ", known)}.");
        }

        var parsed = CodeDocumentParser.Parse(source);
        if (Validate(parsed) is { } refused)
        {
            return refused;
        }

        var hash = CodeText.Hash(source);
        var existing = await db.CodeVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.CodeId == program.CodeId && v.ContentHash == hash, cancellationToken);
        if (existing is not null)
        {
            return new PublishOutcome.AlreadyPublished(existing);
        }

        if (await EarliestEffectiveAsync(program.CodeId, cancellationToken) is { } earliest && effective < earliest.Date)
        {
            return Refuse("effective", earliest.Rule(effective));
        }

        // One transaction: the version, the re-commitment campaign it starts (with who must sign) and their audit entries.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var number = 1 + (await db.CodeVersions.Where(v => v.CodeId == program.CodeId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
        var version = NewVersion(parsed, source, hash, number, effective, now);
        version.CodeId = program.CodeId;
        program.Code.Title = version.Title;
        db.CodeVersions.Add(version);
        audit.Record("code.version-published", $"code:{program.Code.Slug}/{number}", detail: $"effective {effective:yyyy-MM-dd}, sha256 {hash}");
        var (campaign, ended) = await campaigns.AddAsync(program, version, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (campaign is not null)
        {
            campaigns.RecordStart(campaign, program, version, ended);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PublishOutcome.Published(version)
        {
            Campaign = campaign is null ? null : new Campaigns.CampaignStarted(campaign.Id, campaign.OpensOn, campaign.Deadline, campaign.Members.Count),
        };
    }

    /// <summary>
    /// The earliest effective date a new version of a code may have: that of its latest version (in force or
    /// scheduled), so versions come into force in the order they are numbered. Null when the code has none yet.
    /// </summary>
    public async Task<EarliestEffective?> EarliestEffectiveAsync(int codeId, CancellationToken cancellationToken = default) =>
        await db.CodeVersions.AsNoTracking()
            .Where(v => v.CodeId == codeId)
            .OrderByDescending(v => v.EffectiveDate).ThenByDescending(v => v.Number)
            .Select(v => new EarliestEffective(v.EffectiveDate, v.Number))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The reasons a parsed document cannot be published, or null when it can.</summary>
    public static PublishOutcome.Refused? Validate(ParsedCode parsed)
    {
        if (string.IsNullOrWhiteSpace(parsed.Title))
        {
            return Refuse("document", "The document has no title: its first line should name the code.");
        }

        if (parsed.Principles.Count == 0)
        {
            return Refuse("document", "No principles were found: a code needs at least one numbered, lettered or bulleted principle.");
        }

        return null;
    }

    private static CodeVersion NewVersion(ParsedCode parsed, string source, string hash, int number, DateOnly effective, DateTimeOffset now) => new()
    {
        Number = number,
        EffectiveDate = effective,
        PublishedAt = now,
        ContentHash = hash,
        SourceText = source,
        CanonicalText = CodeText.Canonicalize(source),
        Title = parsed.Title!,
        Issuer = parsed.Issuer,
        DocumentJson = JsonSerializer.Serialize(parsed, DocumentJsonOptions),
        Principles = [.. parsed.Principles.Select((p, i) => new Principle
        {
            Ordinal = i + 1,
            Label = p.Label,
            LabelSynthesized = p.LabelSynthesized,
            Text = p.Text,
            Section = p.Section,
            LeadIn = p.LeadIn,
            Parent = p.Parent,
        })],
    };

    private static PublishOutcome.Refused Refuse(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
