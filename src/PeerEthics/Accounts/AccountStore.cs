using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Accounts;

/// <summary>
/// Identity's store, except that recovery codes are kept as SHA-256 hashes. Identity keeps them as written; a
/// recovery code skips the second factor, so a copy of the database must not hand them out. The codes are
/// 50 random bits each and single-use, so a fast hash is enough.
/// </summary>
public sealed class AccountStore(PeerEthicsDb context, IdentityErrorDescriber? describer = null)
    : UserStore<User, IdentityRole, PeerEthicsDb>(context, describer)
{
    public override Task ReplaceCodesAsync(User user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(StoredForm.Sha256Hex), cancellationToken);

    public override Task<bool> RedeemCodeAsync(User user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, StoredForm.Sha256Hex(code), cancellationToken);
}
