using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>
/// Reads whom a code binds besides the credential holders, from sentences such as "These expectations also
/// apply to training participants with respect to interactions with their colleagues." → "training participants".
/// </summary>
internal static partial class AlsoBindsReader
{
    public static void Read(string text, List<string> bound)
    {
        foreach (Match match in AlsoApplies().Matches(text))
        {
            var who = match.Groups["who"].Value;
            var stop = Qualifier().Match(who);
            if (stop.Success)
            {
                who = who[..stop.Index];
            }

            foreach (var part in ListSeparator().Split(who))
            {
                var name = part.Trim();
                if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                {
                    name = name[4..];
                }

                if (name.Length > 0 && TextShape.CountWords(name) <= 6 && TextShape.HasLetterOrDigit(name) && !bound.Contains(name))
                {
                    bound.Add(name);
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:(?:also|equally) (?:apply|applies|bind|binds|extend|extends|cover|covers|pertain|pertains)|(?:apply|applies|extend|extends) (?:also|equally|as well)) (?:to )?(?<who>[^.;:!?\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlsoApplies();

    // Where the noun phrase naming the people ends: "training participants | with respect to …".
    [GeneratedRegex(@"\s(?:with|who|whom|while|during|when|whenever|in|at|as|for|under|throughout|from|by|on|if|because|whether|until|regarding|within|that)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
