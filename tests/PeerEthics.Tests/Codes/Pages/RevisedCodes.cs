using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Codes;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Pages;

/// <summary>
/// A second version of the shipped Missouri code, to have something to diff: principle 13 reworded, principle 17
/// gone, a principle on continuing education added. It takes effect after the test clock's today, so version 1
/// stays the version in force and the shared pages keep showing it.
/// </summary>
public static class RevisedCodes
{
    public const string Code = "missouri-cmps";

    public static readonly DateOnly Effective = new(2027, 1, 1);

    public static async Task PublishRevisedMissouriAsync(this PeerEthicsAppFactory app)
    {
        var entry = ShippedCodes.Entries().Single(e => e.Program == Code);
        var source = await File.ReadAllTextAsync(entry.Path);
        source = Revise(source, "13. CMPS will not exchange gifts of significant monetary value with those they serve.",
            "13. CMPS will not exchange gifts, loans or favours of any monetary value with those they serve.");
        source = Revise(source, "17. CMPS will maintain a safe and healthy work environment.\n", "");
        source = source.TrimEnd() + "\n19. CMPS will complete the continuing education their certification requires.\n";

        await using var scope = app.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(Code, source, Effective);
        Assert.IsType<PublishOutcome.Published>(outcome);
    }

    // Fails loudly if the shipped text changes under the revision, rather than publishing something else.
    private static string Revise(string source, string from, string to)
    {
        Assert.Contains(from, source, StringComparison.Ordinal);
        return source.Replace(from, to, StringComparison.Ordinal);
    }
}
