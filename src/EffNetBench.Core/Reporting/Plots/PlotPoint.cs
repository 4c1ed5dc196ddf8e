namespace EffNetBench.Core.Reporting.Plots;

/// <summary>One model on an efficiency plot.</summary>
/// <param name="Label">Text drawn next to the point, usually the model name.</param>
/// <param name="Series">The group the point belongs to, e.g. "cpu / AMD EPYC (2 cores)"; one colour and legend entry each.</param>
/// <param name="X">Horizontal value in the plot's x unit.</param>
/// <param name="Y">Vertical value in the plot's y unit.</param>
/// <param name="Highlight">On its series' Pareto frontier: the frontier line is drawn through these points.</param>
public sealed record PlotPoint(string Label, string Series, double X, double Y, bool Highlight = false);
