namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>Where an accuracy figure comes from, declared in order of precedence: a measured figure beats any table.</summary>
public enum AccuracyKind
{
    /// <summary>Evaluated on ImageNet by the user (an eval.json).</summary>
    Measured,

    /// <summary>A timm-style results CSV: someone's evaluation of a trained checkpoint of the architecture.</summary>
    TimmCsv,

    /// <summary>A published table for the architecture (paper, AdvProp, Noisy Student); applies to zoo models only.</summary>
    Reference,
}
