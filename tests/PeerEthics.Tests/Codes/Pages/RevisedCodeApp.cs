using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Pages;

/// <summary>An app of its own whose Missouri code has a second, not yet effective, version (see <see cref="RevisedCodes"/>).</summary>
public sealed class RevisedCodeApp : IAsyncLifetime
{
    public PeerEthicsAppFactory App { get; } = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => App.PublishRevisedMissouriAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
