namespace EffNetBench.Core.Zoo;

/// <summary>A catalogued variant: its scaling spec and what was published about it.</summary>
public sealed record ZooVariant(VariantSpec Spec, PublishedFigures Published)
{
    public string Name => Spec.Name;
}
