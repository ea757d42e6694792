using Dflint.Analysis;

namespace Dflint.Rules;

/// <summary>
/// Every built-in analyzer, in one list: finding them by reflection walks every type of the assembly at start-up,
/// which a linter run on one file cannot afford. A test checks the list against reflection.
/// </summary>
public static class BuiltInAnalyzers
{
    public static ImmutableArray<DockerfileAnalyzer> Create() =>
    [
        new DF0200PinImageDigest(),
        new DF0201FinalStageWithoutUser(),
        new DF0202AptGetUpdateAlone(),
        new DF0203GoInstallWithoutVersion(),
        new DF0300SecretInArgOrEnv(),
        new DF0302HardcodedCredential(),
        new DF0303SecretFileCopied(),
        new DF0310MissingDockerignore(),
        new DF0311DockerignoreMissingEntries(),
        new DF0312CopySecretFromContext(),
        new DF0313CopyIgnoredFile(),
        new DF0320CopyBeforeDependencyInstall(),
        new DL3002LastUserNotRoot(),
        new DL3003UseWorkdir(),
        new DL3004NoSudo(),
        new DL3005AptGetUpgrade(),
        new DL3006TagImageVersion(),
        new DL3007PinLatestTag(),
        new DL3008AptGetPinVersions(),
        new DL3009AptListsNotRemoved(),
        new DL3013PipPinVersions(),
        new DL3014AptGetAssumeYes(),
        new DL3015AptGetNoInstallRecommends(),
        new DL3016NpmPinVersions(),
        new DL3018ApkAddPinVersions(),
        new DL3019ApkAddNoCache(),
        new DL3026TrustedRegistry(),
        new DL3028GemPinVersions(),
        new DL3032YumCleanAll(),
        new DL3033YumInstallPinVersions(),
        new DL3036ZypperClean(),
        new DL3037ZypperInstallPinVersions(),
        new DL3040DnfCleanAll(),
        new DL3041DnfInstallPinVersions(),
        new DL3042PipNoCacheDir(),
    ];
}
