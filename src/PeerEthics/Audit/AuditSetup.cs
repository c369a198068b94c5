namespace PeerEthics.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services, AuditProcessActor processActor)
    {
        services.AddSingleton(processActor);
        services.AddScoped<AuditLog>();
        return services;
    }
}
