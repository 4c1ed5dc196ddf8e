using EffNetBench.Core.Evaluation;

namespace EffNetBench.Tests.Evaluation;

public sealed class EvalProgressWriterTests
{
    [Fact]
    public void Lines_carry_the_rate_and_the_time_left_and_the_last_line_has_no_eta()
    {
        var text = new StringWriter();
        var writer = new EvalProgressWriter(text);

        writer.Report(new EvalProgress(300, 3000, 2, 100));
        writer.Report(new EvalProgress(600, 3000, 2, 100)); // within a second of the first: dropped
        writer.Report(new EvalProgress(3000, 3000, 5, 95.5));
        writer.Report(new EvalProgress(3000, 3000, 5, 95.4)); // the run's closing report after the last batch's: once is enough

        Assert.Equal(
            ["eval: 300/3000 images (2 skipped), 100 images/s, ETA 0:27", "eval: 3000/3000 images (5 skipped), 95.5 images/s"],
            text.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Theory]
    [InlineData(0, 100, null)]
    [InlineData(10, 0, null)]
    [InlineData(1000, 10, 200.0)]
    [InlineData(3000, 10, 0.0)]
    public void Remaining_is_the_images_left_at_the_rate_so_far(int done, double rate, double? seconds) =>
        Assert.Equal(seconds, new EvalProgress(done, 3000, 0, rate).Remaining?.TotalSeconds);

    [Theory]
    [InlineData(59, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3725, "1:02:05")]
    public void Clock_reads_like_a_stopwatch(int seconds, string text) =>
        Assert.Equal(text, EvalProgressWriter.Clock(TimeSpan.FromSeconds(seconds)));
}
