using System.Globalization;
using EffNetBench.Core.Evaluation;
using Spectre.Console;

namespace EffNetBench.Commands;

/// <summary>
/// Evaluation progress for a person at a terminal: a Spectre.Console bar with images/s, elapsed time and ETA on
/// stderr. Anything else (a pipe, a file, a test's writer) gets <see cref="EvalProgressWriter"/>'s plain lines.
/// </summary>
internal static class EvalProgressBar
{
    /// <summary>True when <paramref name="progress"/> is this process's stderr and that is a terminal.</summary>
    public static bool Wanted(TextWriter progress) =>
        ReferenceEquals(progress, Console.Error) && !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="work"/> with progress shown on <paramref name="progress"/>.</summary>
    public static T Run<T>(EvaluationRequest request, TextWriter progress, Func<IProgress<EvalProgress>, T> work)
        where T : class
    {
        if (!Wanted(progress))
        {
            return work(new EvalProgressWriter(progress));
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("eval", maxValue: Math.Max(1, request.Dataset.Images.Length));
                result = work(new TaskProgress(task));
            });
        return result!;
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value)
        {
            task.Description = string.Create(CultureInfo.InvariantCulture,
                $"eval {value.Done}/{value.Total} images, {value.Skipped} skipped, {value.ImagesPerSecond:0.0} images/s");
            task.Value = value.Done;
        }
    }
}
