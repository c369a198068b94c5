using System.Text.RegularExpressions;

namespace PeerEthics.Rules;

/// <summary>A principle as a rule reads it: its printed label and its text.</summary>
public sealed record PrincipleText(string Label, string Text);

/// <summary>
/// Checks a rule file against the code it names: the code is the one expected, each listed version
/// exists, and every principle label a rule cites is printed in each of those versions. Errors name the
/// line and column in the file.
/// </summary>
public static partial class RuleFileBinder
{
    /// <param name="file">The rule file, read.</param>
    /// <param name="expectedCode">The code the file is for (the page or command it was given to), or null to accept the one it names.</param>
    /// <param name="versions">The published versions of that code, by number, with their principles; null when the code does not exist.</param>
    public static IReadOnlyList<RuleFileError> Check(RuleFile file, string? expectedCode, IReadOnlyDictionary<int, IReadOnlyList<PrincipleText>>? versions)
    {
        var errors = new List<RuleFileError>();
        if (expectedCode is not null && file.Code != expectedCode)
        {
            errors.Add(new RuleFileError(file.CodePlace, $"this file is for the code '{file.Code}', but it was given for '{expectedCode}'."));
            return errors;
        }

        if (versions is null)
        {
            errors.Add(new RuleFileError(file.CodePlace, $"there is no code '{file.Code}'."));
            return errors;
        }

        foreach (var number in file.CodeVersions.Where(n => !versions.ContainsKey(n)))
        {
            errors.Add(new RuleFileError(file.CodeVersionsPlace,
                $"the code '{file.Code}' has no version {number}; its versions are {string.Join(", ", versions.Keys.Order())}."));
        }

        foreach (var rule in file.Rules)
        {
            foreach (var reference in rule.Principles)
            {
                foreach (var number in file.CodeVersions.Where(versions.ContainsKey))
                {
                    if (Find(versions[number], reference.Label) is null)
                    {
                        errors.Add(new RuleFileError(reference.Place,
                            $"rule '{rule.Id}': version {number} of '{file.Code}' has no principle labelled '{reference.Label}'. Its labels are: {string.Join(" ", versions[number].Select(p => p.Label))}."));
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>The principle with this label: "11" finds the printed "11.", spacing and a final full stop aside.</summary>
    public static PrincipleText? Find(IReadOnlyList<PrincipleText> principles, string label)
    {
        var wanted = Normalize(label);
        return principles.FirstOrDefault(p => Normalize(p.Label) == wanted);
    }

    private static string Normalize(string label) => Spaces().Replace(label.Trim().TrimEnd('.', ')', ':').Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
