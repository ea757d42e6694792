using FsCheck;

namespace Dflint.Tests;

/// <summary>
/// FsCheck settings for the property tests: a fixed seed, so a CI run is repeatable and a failure can be replayed;
/// DFLINT_PROPERTY_SEED=N (any 64-bit number) explores other inputs locally.
/// </summary>
internal static class PropertyConfig
{
    public const ulong DefaultSeed = 20261122;

    public static Config Create(int maxTests)
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("DFLINT_PROPERTY_SEED"), out var chosen) ? chosen : DefaultSeed;
        return Config.QuickThrowOnFailure.WithMaxTest(maxTests)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None));
    }
}
