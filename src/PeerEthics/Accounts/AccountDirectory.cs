using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Accounts;

/// <summary>One account as the people lists show it.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>The accounts with their roles, for the command line and the administrators' page.</summary>
public sealed class AccountDirectory(PeerEthicsDb db, UserManager<User> users, AuditLog audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new AccountSummary(u.Id, u.Email ?? "", u.DisplayName, [.. byUser[u.Id].Order(StringComparer.Ordinal)], u.TwoFactorEnabled,
                u.LockoutEnd is { } end && end > now, u.CreatedAt))];
    }

    /// <summary>
    /// Gives an account exactly <paramref name="wanted"/> roles; each role granted or taken away is audited. Refused
    /// (with a message naming the field) when a role is unknown, or when it would leave no administrator.
    /// </summary>
    public async Task<RoleChangeOutcome> SetRolesAsync(string? userId, IReadOnlyCollection<string>? wanted, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user)
        {
            return new RoleChangeOutcome.NoSuchAccount();
        }

        wanted ??= [];
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return new RoleChangeOutcome.Refused($"Roles: \"{unknown}\" is not a role. Choose from {string.Join(", ", Roles.All.Select(Roles.Describe))}.");
        }

        var current = await users.GetRolesAsync(user);
        var granted = wanted.Except(current, StringComparer.Ordinal).ToList();
        var revoked = current.Except(wanted, StringComparer.Ordinal).ToList();
        if (granted.Count == 0 && revoked.Count == 0)
        {
            return new RoleChangeOutcome.Changed(user, [], []);
        }

        if (revoked.Contains(Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
        {
            return new RoleChangeOutcome.Refused("Roles: this is the only administrator. Make someone else an administrator first, so the installation is never left without one.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        SecondFactors.Ensure(await users.AddToRolesAsync(user, granted));
        SecondFactors.Ensure(await users.RemoveFromRolesAsync(user, revoked));
        foreach (var role in granted)
        {
            audit.Record(AccountAudit.RoleGranted, AccountAudit.UserTarget(user.Id), detail: role);
        }

        foreach (var role in revoked)
        {
            audit.Record(AccountAudit.RoleRevoked, AccountAudit.UserTarget(user.Id), detail: role);
        }

        // The person's sign-ins carry their roles; a new stamp makes them sign in again to pick up the change.
        SecondFactors.Ensure(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
        return new RoleChangeOutcome.Changed(user, granted, revoked);
    }
}

public abstract record RoleChangeOutcome
{
    private RoleChangeOutcome()
    {
    }

    public sealed record Changed(User User, IReadOnlyList<string> Granted, IReadOnlyList<string> Revoked) : RoleChangeOutcome;

    public sealed record NoSuchAccount : RoleChangeOutcome;

    /// <summary>Nothing changed; the message names the field and the rule.</summary>
    public sealed record Refused(string Message) : RoleChangeOutcome;
}
