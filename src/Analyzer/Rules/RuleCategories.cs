namespace Dflint.Rules;

/// <summary>The categories rules are grouped in for listing and documentation.</summary>
public static class RuleCategories
{
    public const string BaseImages = "Base images";
    public const string Packages = "Packages";
    public const string Users = "Users";
    public const string BestPractice = "Best practice";
    public const string Security = "Security";
}
