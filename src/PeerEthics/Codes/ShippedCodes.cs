using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;
using PeerEthics.Programs;

namespace PeerEthics.Codes;

/// <summary>The codes in <c>content/codes/</c>, listed by <c>codes.json</c>, loaded on first start.</summary>
public static class ShippedCodes
{
    public sealed record Entry(string Program, string ProgramName, string File, string Effective)
    {
        public DateOnly EffectiveDate => DateOnly.ParseExact(Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public string Path => System.IO.Path.Combine(Directory, File);
    }

    private sealed record Manifest(IReadOnlyList<Entry> Codes);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "content", "codes");

    public static IReadOnlyList<Entry> Entries()
    {
        var json = File.ReadAllText(Path.Combine(Directory, "codes.json"));
        return JsonSerializer.Deserialize<Manifest>(json, CodePublisher.DocumentJsonOptions)!.Codes;
    }

    /// <summary>
    /// Creates the shipped programs and publishes their codes. Idempotent: a code that already has a
    /// version with the shipped text is left alone, even if newer versions were published since.
    /// </summary>
    public static async Task LoadShippedCodesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var publisher = scope.ServiceProvider.GetRequiredService<CodePublisher>();
        foreach (var entry in Entries())
        {
            if (!await db.Programs.AnyAsync(p => p.Slug == entry.Program, cancellationToken))
            {
                db.Programs.Add(new CredentialProgram
                {
                    Slug = entry.Program,
                    Name = entry.ProgramName,
                    Code = new Code { Slug = entry.Program, Title = entry.ProgramName },
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            var source = await File.ReadAllTextAsync(entry.Path, cancellationToken);
            var outcome = await publisher.PublishAsync(entry.Program, source, entry.EffectiveDate, cancellationToken);
            if (outcome is PublishOutcome.Refused refused)
            {
                throw new InvalidOperationException(
                    $"The shipped code {entry.File} could not be published: {string.Join(" ", refused.Errors.SelectMany(e => e.Value))}");
            }
        }
    }
}
