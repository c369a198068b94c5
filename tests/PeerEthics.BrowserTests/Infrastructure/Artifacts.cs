namespace PeerEthics.BrowserTests.Infrastructure;

/// <summary>Where the browser tests keep what a person looks at afterwards: <c>artifacts/screenshots/</c> at the repository root.</summary>
public static class Artifacts
{
    public static string Screenshots { get; } = Create(Path.Combine(RepositoryRoot(), "artifacts", "screenshots"));

    public static string Screenshot(string name) => Path.Combine(Screenshots, $"{name}.png");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PeerEthics.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PeerEthics.slnx above {AppContext.BaseDirectory}: cannot tell where the repository is.");
    }

    private static string Create(string directory)
    {
        Directory.CreateDirectory(directory);
        return directory;
    }
}
