namespace PeerEthics.Programs;

/// <summary>
/// One version of a program's credential settings, in force from <see cref="EffectiveFrom"/> until a later
/// version's effective date. Rows are never changed (the DbContext refuses): a new value is a new version, so
/// "the settings in force on day D" can always be answered, and a credential certified under old settings can
/// be explained.
/// </summary>
public sealed class ProgramSettings
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>How long a certification lasts before it must be renewed.</summary>
    public int RenewalCycleMonths { get; set; }

    /// <summary>Continuing-education hours required in each cycle…</summary>
    public decimal CeHoursPerCycle { get; set; }

    /// <summary>…of which this many must be about ethics.</summary>
    public decimal EthicsHoursPerCycle { get; set; }

    /// <summary>Days after the expiry date before an unrenewed credential lapses.</summary>
    public int GracePeriodDays { get; set; }

    /// <summary>How many days before the expiry date a specialist may apply to renew.</summary>
    public int RenewalWindowDays { get; set; }

    /// <summary>
    /// Days people have to sign a new version of the program's code: a re-commitment campaign's deadline is the
    /// version's effective date (or the publish day, if later) plus this many days. 14 to 365; 60 by default.
    /// </summary>
    public int SignNewVersionDays { get; set; } = ProgramSettingsInput.DefaultSignNewVersionDays;

    /// <summary>The template credential numbers are issued from and checked against, e.g. <c>CPS-######</c>.</summary>
    public required string NumberFormat { get; set; }

    /// <summary>
    /// True for the starting values PeerEthics ships with: settings a program would recognise, to be confirmed
    /// by the program, not facts of its code of ethics.
    /// </summary>
    public bool ToConfirm { get; set; }

    /// <summary>Why this version was added (a board decision, a correction).</summary>
    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The account id of who recorded it, or <c>system</c> for shipped values.</summary>
    public required string RecordedBy { get; set; }

    public string? RecordedByName { get; set; }
}
