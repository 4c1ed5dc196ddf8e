namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>Something about a class that aggregate accuracy hides and a user should look at before trusting the model.</summary>
/// <param name="Code">One of the <see cref="MetricWarningCodes"/> constants, stable for scripts.</param>
/// <param name="Class">The class the warning is about.</param>
/// <param name="Message">A one-line explanation for people, with the numbers behind it.</param>
public sealed record MetricWarning(string Code, string Class, string Message);
