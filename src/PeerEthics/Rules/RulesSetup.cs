namespace PeerEthics.Rules;

public static class RulesSetup
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleFileCache>();
        services.AddScoped<RuleSetStore>();
        services.AddScoped<SituationEvaluator>();
        return services;
    }
}
