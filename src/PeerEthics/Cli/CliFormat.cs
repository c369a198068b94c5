using System.CommandLine;

namespace PeerEthics.Cli;

/// <summary>Options several commands share.</summary>
public static class CliFormat
{
    /// <summary><c>--format</c>, limited to <paramref name="formats"/>, the first being the default.</summary>
    public static Option<string> Option(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
