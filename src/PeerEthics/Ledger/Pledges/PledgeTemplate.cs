using System.Text.RegularExpressions;

namespace PeerEthics.Ledger.Pledges;

/// <summary>
/// A program pledge template: plain text with <c>{name}</c> (required), <c>{program}</c> and <c>{code}</c>
/// (the code's title). The shipped default is <c>content/pledges/default-pledge.txt</c>.
/// </summary>
public static partial class PledgeTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["{name}", "{program}", "{code}"];

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "content", "pledges", "default-pledge.txt");

    public static string Default() => File.ReadAllText(DefaultPath).Trim();

    /// <summary>What is wrong with a template, in words staff can act on; empty when it is usable.</summary>
    public static IReadOnlyList<string> Problems(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return ["The pledge is empty. Write the sentence people sign, with {name} where their name goes."];
        }

        var problems = new List<string>();
        if (!template.Contains("{name}", StringComparison.Ordinal))
        {
            problems.Add("The pledge has no {name}: put {name} where the person's name goes, e.g. \"I, {name}, commit myself…\".");
        }

        var unknown = Placeholder().Matches(template).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"The pledge uses {string.Join(", ", unknown)}, which this program does not know. Use only {string.Join(", ", Placeholders)}.");
        }

        if (template.Length > 4000)
        {
            problems.Add("The pledge is longer than 4000 characters. Keep it to a few sentences: the code itself is shown above it.");
        }

        return problems;
    }

    public static string Fill(string template, string name, string program, string codeTitle) => template.Trim()
        .Replace("{name}", name, StringComparison.Ordinal)
        .Replace("{program}", program, StringComparison.Ordinal)
        .Replace("{code}", codeTitle, StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^{}\s]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
