using PeerEthics.Codes;

namespace PeerEthics.Rules;

/// <summary>
/// The rule files shipped beside the code documents (<c>content/codes/*.rules.yaml</c>), loaded on start
/// after the codes. Idempotent: a code that already has a rule set with the shipped text is left alone,
/// even if staff saved newer rule sets since.
/// </summary>
public static class ShippedRules
{
    public const string Suffix = ".rules.yaml";

    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(ShippedCodes.Directory, "*" + Suffix).Order(StringComparer.Ordinal)];

    public static async Task LoadShippedRulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<RuleSetStore>();
        foreach (var path in Files())
        {
            var yaml = await File.ReadAllTextAsync(path, cancellationToken);
            var code = Path.GetFileName(path)[..^Suffix.Length];
            var outcome = await store.SaveAsync(code, yaml, "shipped with PeerEthics", cancellationToken);
            if (outcome is RuleSetSaveOutcome.Refused refused)
            {
                throw new InvalidOperationException(
                    $"The shipped rule file {Path.GetFileName(path)} could not be loaded: {string.Join(" ", refused.Errors)}");
            }
        }
    }
}
