using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Email;

namespace PeerEthics.Accounts;

/// <summary>
/// Invitations: the only way in. Creates them (and sends the email), looks links up, accepts them into an
/// account with the invited role, and revokes them. Every step is audited in the same unit of work.
/// </summary>
public sealed class InvitationService(PeerEthicsDb db, UserManager<User> users, AuditLog audit, Mailer mailer, AccountLinks links, TimeProvider clock)
{
    /// <summary>How long an invitation link works (the pages say "7 days").</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <param name="request">Who, under what name, in which role.</param>
    /// <param name="by">The inviter's account id, or <c>cli</c>.</param>
    /// <param name="mayInviteStaff">Only administrators (and the machine's operator) may hand out staff roles.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<InvitationOutcome> CreateAsync(NewInvitation request, string by, bool mayInviteStaff, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim();
        var name = request.DisplayName?.Trim();
        Add(errors, "Email", AccountRules.CheckEmail(email));
        Add(errors, "DisplayName", AccountRules.CheckName(name));
        Add(errors, "Role", AccountRules.CheckRole(request.Role));
        if (request.Role is { } role && Roles.IsStaff(role) && !mayInviteStaff)
        {
            Add(errors, "Role", $"Role: only an administrator can invite staff ({string.Join(", ", Roles.Staff.Select(Roles.Describe))}).");
        }

        if (!errors.ContainsKey("Email"))
        {
            if (await users.FindByEmailAsync(email!) is not null)
            {
                Add(errors, "Email", "Email address: an account already uses this email address.");
            }
            else if (await PendingFor(email!).Select(i => (DateTimeOffset?)i.ExpiresAt).FirstOrDefaultAsync(cancellationToken) is { } waiting)
            {
                Add(errors, "Email", $"Email address: an invitation to this address is already waiting, until {AccountRules.When(waiting)}. Withdraw it first to send a new one.");
            }
        }

        if (errors.Count > 0)
        {
            return new InvitationOutcome.Refused(errors);
        }

        var (invitation, token) = await StoreAsync(email, name, request.Role!, by, cancellationToken);
        var link = links.Invitation(token);
        var mail = await mailer.SendAsync(AccountEmails.Invitation(email!, name, invitation.Role, link, invitation.ExpiresAt), cancellationToken);
        return new InvitationOutcome.Created(invitation, link, mail);
    }

    /// <summary>
    /// The first administrator's invitation, for a fresh install: made only when there is no administrator and
    /// no administrator's invitation is waiting, so its link is printed once. It names no email yet (the person
    /// gives theirs when accepting). Null when nothing was made.
    /// </summary>
    public async Task<FirstAdministratorInvitation?> CreateFirstAdministratorAsync(CancellationToken cancellationToken = default)
    {
        if (await FirstAdministratorStateAsync(cancellationToken) is not FirstAdministratorState.Needed)
        {
            return null;
        }

        var (invitation, token) = await StoreAsync(null, null, Roles.Administrator, AuditProcessActor.System.Actor, cancellationToken);
        return new FirstAdministratorInvitation(invitation, token);
    }

    /// <summary>Whether this installation still needs its first administrator, and whether an invitation for one is waiting.</summary>
    public async Task<FirstAdministratorState> FirstAdministratorStateAsync(CancellationToken cancellationToken = default)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return FirstAdministratorState.Exists;
        }

        return await Pending(clock.GetUtcNow()).AnyAsync(i => i.Role == Roles.Administrator, cancellationToken)
            ? FirstAdministratorState.InvitationWaiting
            : FirstAdministratorState.Needed;
    }

    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return new InvitationLookup(InvitationState.Unknown, null);
        }

        var hash = StoredForm.Sha256Hex(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return new InvitationLookup(StateOf(invitation, clock.GetUtcNow()), invitation);
    }

    /// <summary>Records that a link was refused (opened or submitted when expired, used, revoked or unknown).</summary>
    public async Task RecordRefusalAsync(InvitationLookup lookup, CancellationToken cancellationToken = default) =>
        await audit.RecordNowAsync(AccountAudit.InvitationRefused,
            lookup.Invitation is { } i ? AccountAudit.InvitationTarget(i.Id) : "invitation:unknown",
            AuditOutcome.Denied, detail: lookup.State.ToString().ToLowerInvariant(), cancellationToken: cancellationToken);

    public async Task<AcceptOutcome> AcceptAsync(string? token, Acceptance input, CancellationToken cancellationToken = default)
    {
        var lookup = await FindAsync(token, cancellationToken);
        if (lookup.State != InvitationState.Pending)
        {
            await RecordRefusalAsync(lookup, cancellationToken);
            return new AcceptOutcome.Refused(lookup.State);
        }

        var invitation = lookup.Invitation!;
        var email = (invitation.Email ?? input.Email)?.Trim();
        var name = input.DisplayName?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (invitation.Email is null)
        {
            Add(errors, "Email", AccountRules.CheckEmail(email));
        }

        Add(errors, "DisplayName", AccountRules.CheckName(name, "Your name"));
        var now = clock.GetUtcNow();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? "", CreatedAt = now };
        if (string.IsNullOrEmpty(input.Password))
        {
            Add(errors, "Password", $"Password: choose a password of at least {IdentitySettings.MinimumPasswordLength} characters.");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, input.Password);
                foreach (var error in result.Errors)
                {
                    Add(errors, "Password", AccountRules.Describe(error, "Password"));
                }
            }
        }

        Add(errors, "ConfirmPassword", AccountRules.CheckConfirmation(input.Password, input.ConfirmPassword));
        if (!errors.ContainsKey("Email") && await users.FindByEmailAsync(email!) is not null)
        {
            Add(errors, "Email", "Email address: an account already uses this email address. Sign in instead, or use another address.");
        }

        if (errors.Count > 0)
        {
            return new AcceptOutcome.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim is one conditional update, so two people opening the same link at once cannot both succeed.
        var claimed = await Pending(now).Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedUserId, user.Id), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await FindAsync(token, cancellationToken);
            await RecordRefusalAsync(current, cancellationToken);
            return new AcceptOutcome.Refused(current.State);
        }

        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new AcceptOutcome.Invalid(new Dictionary<string, string[]> { ["Email"] = [.. created.Errors.Select(e => AccountRules.Describe(e))] });
        }

        var granted = await users.AddToRoleAsync(user, invitation.Role);
        if (!granted.Succeeded)
        {
            throw new InvalidOperationException($"Could not grant the role {invitation.Role}: {string.Join(" ", granted.Errors.Select(e => e.Description))}");
        }

        audit.Record(AccountAudit.InvitationAccepted, AccountAudit.InvitationTarget(invitation.Id), detail: $"account {user.Id} created", actor: user.Id, actorName: user.Email);
        audit.Record(AccountAudit.RoleGranted, AccountAudit.UserTarget(user.Id), detail: $"{invitation.Role}, by invitation", actor: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AcceptOutcome.Accepted(user, invitation.Role);
    }

    /// <summary>Withdraws an invitation that is still waiting. False when there is none (used, revoked, expired or unknown).</summary>
    public async Task<bool> RevokeAsync(Guid id, string by, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await Pending(now).Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now).SetProperty(i => i.RevokedBy, by), cancellationToken);
        if (revoked == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        audit.Record(AccountAudit.InvitationRevoked, AccountAudit.InvitationTarget(id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The invitations still waiting, soonest to expire first.</summary>
    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        await Pending(clock.GetUtcNow()).AsNoTracking().OrderBy(i => i.ExpiresAt).ToListAsync(cancellationToken);

    public IQueryable<Invitation> Pending(DateTimeOffset now) =>
        db.Invitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);


    private IQueryable<Invitation> PendingFor(string email) =>
        Pending(clock.GetUtcNow()).Where(i => i.Email == email);

    private async Task<(Invitation Invitation, string Token)> StoreAsync(string? email, string? name, string role, string by, CancellationToken cancellationToken)
    {
        // 256 bits from the system's CSPRNG; the link is the only place the token exists.
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            Email = email,
            DisplayName = name,
            Role = role,
            TokenHash = StoredForm.Sha256Hex(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            CreatedBy = by,
        };
        db.Invitations.Add(invitation);
        audit.Record(AccountAudit.InvitationCreated, AccountAudit.InvitationTarget(invitation.Id),
            detail: email is null ? $"{role}, first administrator, link printed at start-up" : $"{role}, for {email}");
        await db.SaveChangesAsync(cancellationToken);
        return (invitation, token);
    }

    private static InvitationState StateOf(Invitation? invitation, DateTimeOffset now) => invitation switch
    {
        null => InvitationState.Unknown,
        { AcceptedAt: not null } => InvitationState.Used,
        { RevokedAt: not null } => InvitationState.Revoked,
        _ when invitation.ExpiresAt <= now => InvitationState.Expired,
        _ => InvitationState.Pending,
    };

    private static void Add(Dictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }
}
