namespace PeerEthics.Registry;

/// <summary>
/// One search key of a person's name: the normalized name turned so that each word comes first once
/// ("jose maria garcia", "maria garcia jose", "garcia jose maria"), for the legal and the preferred name. A prefix
/// search on any first, middle or last name, or "last first", is then a range scan on the index.
/// Kept by <see cref="RegistryStamper"/> whenever a name changes; bulk loaders write them with <see cref="RegistryKeys"/>.
/// </summary>
public sealed class RegistryNameKey
{
    public int PersonId { get; set; }

    public required string Key { get; set; }

    public People.Person? Person { get; set; }
}
