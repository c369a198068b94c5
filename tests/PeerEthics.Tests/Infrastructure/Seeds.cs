namespace PeerEthics.Tests.Infrastructure;

/// <summary>The code documents that ship with the app, as the tests find them.</summary>
public static class Seeds
{
    public const string Massachusetts = "massachusetts-cps";
    public const string Missouri = "missouri-cmps";

    public static string PathOf(string code) =>
        Path.Combine(AppContext.BaseDirectory, "content", "codes", $"{code}-code-of-ethics.txt");

    public static string Text(string code) => File.ReadAllText(PathOf(code));
}
