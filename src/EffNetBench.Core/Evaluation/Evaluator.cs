using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EffNetBench.Core.Evaluation;

/// <summary>
/// Classifies every image of a dataset with an ONNX model and measures accuracy. Decoding and preprocessing run on
/// <see cref="Environment.ProcessorCount"/> workers feeding a bounded channel of a few batches, which one inference
/// loop drains: memory stays bounded by the channel, not the dataset, and the session is only ever used by one thread.
/// </summary>
public static class Evaluator
{
    /// <summary>Channel capacity in batches: enough to hide decode jitter, small enough to bound memory.</summary>
    private const int BatchesInFlight = 3;

    /// <exception cref="ModelLoadException">The model cannot be loaded or has no 4-D float image input.</exception>
    /// <exception cref="EvaluationException">Too many bad images, or outputs that do not match the classes.</exception>
    public static EvaluationResult Execute(EvaluationRequest request, IProgress<EvalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        (Pipeline run, Preprocessing pre, int batch, bool fixedBatch) = Pass(request, infer: true, progress, cancellationToken);
        if (run.Accumulator.Images == 0)
        {
            throw new EvaluationException($"none of the {request.Dataset.Images.Length.ToString(CultureInfo.InvariantCulture)} images of '{request.Dataset.Root}' could be decoded: first: {run.Skipped.FirstOrDefault()?.Reason}");
        }

        RuntimeInfo runtime = ProviderProbe.Runtime();
        return new EvaluationResult(request, run.Accumulator.Build(), run.Skipped, pre, batch, fixedBatch, run.Elapsed, run.ImagesPerSecond, run.Timings)
        {
            OnnxRuntime = runtime.OrtVersion,
            OnnxRuntimeLibrary = runtime.LibraryPath,
            OnnxRuntimePackage = Providers.Runtimes.RuntimeStore.PackageOf(runtime.LibraryPath),
        };
    }

    /// <summary>
    /// Decodes and preprocesses every image exactly as <see cref="Execute"/> would (same workers, channel and bad-image
    /// rule) but runs no inference: checks a dataset before a long run and measures the input pipeline alone. The model
    /// is still opened, for its input shape.
    /// </summary>
    /// <exception cref="ModelLoadException">The model cannot be loaded or has no 4-D float image input.</exception>
    /// <exception cref="EvaluationException">Too many bad images.</exception>
    public static InputPipelineResult MeasureInput(EvaluationRequest request, IProgress<EvalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        (Pipeline run, Preprocessing pre, _, _) = Pass(request, infer: false, progress, cancellationToken);
        return new InputPipelineResult(request.Dataset.Images.Length - run.Skipped.Length, run.Skipped, pre, run.Elapsed, run.ImagesPerSecond, run.Timings);
    }

    /// <summary>Opens the model, resolves preprocessing and batch from its input, and runs one pass over the dataset,
    /// classifying when <paramref name="infer"/> is set (else the prepared images are only counted).</summary>
    private static (Pipeline Run, Preprocessing Pre, int Batch, bool FixedBatch) Pass(EvaluationRequest request, bool infer,
        IProgress<EvalProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.MaxBadFraction >= 0) || request.MaxBadFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxBadFraction, "MaxBadFraction must be in [0, 1]");
        }

        using SessionOptions options = SessionFactory.CreateOptions(request.Provider, request.Threads, request.ProviderSettings);
        using InferenceSession session = Open(request.ModelPath, options);
        (string inputName, int[] dims) = ImageInput(session, request.ModelPath);
        Preprocessing pre = new ImageInputShape(inputName, Array.ConvertAll(dims, d => (long)d))
            .Fit(request.Preprocessing, request.LayoutFromModel, request.ResolutionFromModel);
        try
        {
            pre.Validate();
        }
        catch (ArgumentException e)
        {
            // The options were range-checked on the command line, so what is out of range here came from the model.
            throw new EvaluationException($"'{request.ModelPath}' cannot be evaluated with this preprocessing: {e.Message}", e);
        }

        bool fixedBatch = dims[0] > 0;
        int batch = fixedBatch ? dims[0] : request.Batch ?? EvaluationRequest.DefaultBatchFor(request.Provider);

        // The batch being classified plus those waiting in the channel, before any of them is allocated.
        TensorMemory.EnsureFits($"'{request.ModelPath}': {(BatchesInFlight + 1).ToString(CultureInfo.InvariantCulture)} input batches", TensorElementType.Float,
            [(long)batch * (BatchesInFlight + 1), 3, pre.Resolution, pre.Resolution]);
        var run = new Pipeline(request, infer ? session : null, inputName, session.OutputNames[0], pre, batch, fixedBatch);
        run.Execute(progress, cancellationToken);
        return (run, pre, batch, fixedBatch);
    }

    private static InferenceSession Open(string path, SessionOptions options)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, $"model '{path}' not found: pass an .onnx file or a zoo variant name (see 'effnet-bench models')");
        }

        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(path, $"ONNX Runtime cannot load '{path}': {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>The first input, which must be a 4-D float image tensor; dynamic dimensions are -1.</summary>
    private static (string Name, int[] Dims) ImageInput(InferenceSession session, string path)
    {
        (string name, NodeMetadata meta) = session.InputMetadata.First();
        if (session.InputMetadata.Count != 1 || meta.ElementType != typeof(float) || meta.Dimensions.Length != 4)
        {
            throw new ModelLoadException(path, $"'{path}' is not an image classifier this tool can feed: it needs exactly one float input of rank 4 (NCHW or NHWC), found input '{name}' of rank {meta.Dimensions.Length.ToString(CultureInfo.InvariantCulture)} ({session.InputMetadata.Count.ToString(CultureInfo.InvariantCulture)} inputs)");
        }

        return (name, meta.Dimensions);
    }

    /// <summary>One pass over the dataset: workers decode and preprocess into a bounded channel, this thread batches and classifies.</summary>
    private sealed class Pipeline(EvaluationRequest request, InferenceSession? session, string inputName, string outputName,
        Preprocessing pre, int batch, bool fixedBatch)
    {
        private readonly StageClock _stages = new();

        public ClassificationAccumulator Accumulator { get; } = new(request.Dataset.Classes);

        public ImmutableArray<SkippedImage> Skipped { get; private set; } = [];

        public TimeSpan Elapsed { get; private set; }

        /// <summary>Every image of the dataset (skipped ones included) per wall-clock second of the pass.</summary>
        public double ImagesPerSecond => Rate(request.Dataset.Images.Length, Elapsed);

        public PipelineTimings Timings { get; private set; } = new(0, 0, 0, 0, 0, null);

        /// <summary>Runs the pass; with no session, prepared images are counted and dropped (the input pipeline alone).</summary>
        public void Execute(IProgress<EvalProgress>? progress, CancellationToken cancellationToken)
        {
            ImmutableArray<LabelledImage> images = request.Dataset.Images;
            int total = images.Length;
            long allowedBad = (long)Math.Floor(request.MaxBadFraction * total);
            var skipped = new ConcurrentQueue<SkippedImage>();
            var channel = Channel.CreateBounded<PreparedImage>(new BoundedChannelOptions(batch * BatchesInFlight)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // The peak of this pass only, not of a zoo export or a leakage scan before it (where the kernel allows).
            ProcessMemory.TryResetPeak();
            var clock = Stopwatch.StartNew();
            int workers = Environment.ProcessorCount;
            // Every row in flight (channel, pending batch, one per worker) comes back to this pool, where the shared pool
            // keeps a few per core and drops the rest as large-object garbage.
            var rows = new RowPool(pre.ElementCount);
            Task producer = Produce(images, pre, channel.Writer, workers, _stages, rows, stop.Token);
            float[] buffer = session is null ? [] : new float[(long)batch * pre.ElementCount];
            var pending = new List<PreparedImage>(batch);
            int done = 0;
            long waitTicks = 0;
            long inferenceTicks = 0;
            try
            {
                using var runOptions = new RunOptions();
                ChannelReader<PreparedImage> reader = channel.Reader;
                while (true)
                {
                    long waitStart = Stopwatch.GetTimestamp();
                    bool more = reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult();
                    waitTicks += Stopwatch.GetTimestamp() - waitStart;
                    if (!more)
                    {
                        break;
                    }

                    while (reader.TryRead(out PreparedImage item))
                    {
                        if (item.Input is null)
                        {
                            skipped.Enqueue(new SkippedImage(item.Path, item.Error ?? "unreadable"));
                            done++;
                            if (skipped.Count > allowedBad)
                            {
                                throw TooManyBad(skipped, total, request.MaxBadFraction);
                            }

                            continue;
                        }

                        pending.Add(item);
                        if (pending.Count == batch)
                        {
                            long runStart = Stopwatch.GetTimestamp();
                            done += RunBatch(session, runOptions, inputName, outputName, pre, batch, pending, buffer, Accumulator, request, rows);
                            inferenceTicks += Stopwatch.GetTimestamp() - runStart;
                            progress?.Report(new EvalProgress(done, total, skipped.Count, Rate(done, clock.Elapsed)));
                        }
                    }
                }

                if (pending.Count > 0)
                {
                    // A fixed-batch model gets zero rows as padding; a dynamic one runs the remainder at its own size.
                    long runStart = Stopwatch.GetTimestamp();
                    done += RunBatch(session, runOptions, inputName, outputName, pre, fixedBatch ? batch : pending.Count, pending, buffer, Accumulator, request, rows);
                    inferenceTicks += Stopwatch.GetTimestamp() - runStart;
                }

                // Surfaces a worker's unexpected exception (bad images are results, not exceptions).
                producer.GetAwaiter().GetResult();
            }
            finally
            {
                stop.Cancel();
                Drain(channel.Reader, pending, rows);
                try
                {
                    producer.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Already surfaced above, or superseded by the exception that brought us here.
                }

                Drain(channel.Reader, pending, rows);
            }

            clock.Stop();
            progress?.Report(new EvalProgress(done, total, skipped.Count, Rate(done, clock.Elapsed)));
            Elapsed = clock.Elapsed;
            Timings = new PipelineTimings(workers, Seconds(_stages.DecodeTicks), Seconds(_stages.PreprocessTicks),
                Seconds(inferenceTicks), Seconds(waitTicks), ProcessMemory.PeakRssBytes());

            // Stable order for reports: the dataset's, not the workers' completion order.
            var order = images.Select((img, i) => (img.Path, i)).ToDictionary(t => t.Path, t => t.i, StringComparer.Ordinal);
            Skipped = [.. skipped.OrderBy(s => order.GetValueOrDefault(s.Path, int.MaxValue))];
        }

        private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

        private static double Rate(int images, TimeSpan elapsed) => images / Math.Max(elapsed.TotalSeconds, 1e-9);
    }

    /// <summary>Busy time of the decode/preprocess workers, added up across threads.</summary>
    private sealed class StageClock
    {
        private long _decodeTicks;
        private long _preprocessTicks;

        public long DecodeTicks => Interlocked.Read(ref _decodeTicks);

        public long PreprocessTicks => Interlocked.Read(ref _preprocessTicks);

        public void AddDecode(long ticks) => Interlocked.Add(ref _decodeTicks, ticks);

        public void AddPreprocess(long ticks) => Interlocked.Add(ref _preprocessTicks, ticks);
    }

    private static Task Produce(ImmutableArray<LabelledImage> images, Preprocessing pre, ChannelWriter<PreparedImage> writer, int workers, StageClock stages, RowPool rows, CancellationToken token) =>
        Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = token };
                await Parallel.ForEachAsync(images, parallel, async (image, ct) =>
                {
                    PreparedImage item = Prepare(image, pre, stages, rows);
                    try
                    {
                        await writer.WriteAsync(item, ct).ConfigureAwait(false);
                    }
                    catch
                    {
                        Return(item, rows);
                        throw;
                    }
                }).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            finally
            {
                writer.TryComplete(failure is OperationCanceledException ? null : failure);
            }
        }, CancellationToken.None);

    private static PreparedImage Prepare(LabelledImage image, Preprocessing pre, StageClock stages, RowPool rows)
    {
        long start = Stopwatch.GetTimestamp();
        using DecodeResult decoded = ImageDecoder.Decode(image.Path);
        long decodedAt = Stopwatch.GetTimestamp();
        stages.AddDecode(decodedAt - start);
        if (decoded.Image is null)
        {
            return new PreparedImage(image.Path, image.ClassIndex, null, decoded.Error);
        }

        // Rented rows are returned once copied into the batch, so the pool holds about a channel's worth of arrays.
        float[] row = rows.Rent();
        try
        {
            Preprocessor.Fill(decoded.Image, pre, row.AsSpan(0, pre.ElementCount));
            stages.AddPreprocess(Stopwatch.GetTimestamp() - decodedAt);
            return new PreparedImage(image.Path, image.ClassIndex, row, null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            rows.Return(row);
            return new PreparedImage(image.Path, image.ClassIndex, null, $"'{image.Path}' could not be preprocessed: {e.Message}");
        }
    }

    /// <returns>The number of real images classified.</returns>
    private static int RunBatch(InferenceSession? session, RunOptions runOptions, string inputName, string outputName, Preprocessing pre,
        int rows, List<PreparedImage> pending, float[] buffer, ClassificationAccumulator accumulator, EvaluationRequest request, RowPool pool)
    {
        int elements = pre.ElementCount;
        int real = pending.Count;
        if (session is null)
        {
            // The input pipeline alone: the images were prepared; there is nothing to run them through.
            foreach (PreparedImage item in pending)
            {
                Return(item, pool);
            }

            pending.Clear();
            return real;
        }

        for (int i = 0; i < real; i++)
        {
            pending[i].Input.AsSpan(0, elements).CopyTo(buffer.AsSpan(i * elements, elements));
        }

        buffer.AsSpan(real * elements, (rows - real) * elements).Clear();
        long[] shape = pre.Layout == TensorLayout.Nchw
            ? [rows, 3, pre.Resolution, pre.Resolution]
            : [rows, pre.Resolution, pre.Resolution, 3];
        try
        {
            using OrtValue input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, rows * elements), shape);
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [inputName], [input], [outputName]);
            ReadOnlySpan<float> scores = outputs[0].GetTensorDataAsSpan<float>();
            int width = scores.Length / rows;
            int classes = request.Dataset.Classes.Length;
            if (width * rows != scores.Length || width != classes)
            {
                throw new EvaluationException(FormattableString.Invariant(
                    $"model '{request.ModelName}' outputs {width} scores per image but dataset '{request.Dataset.Root}' has {classes} classes: pass --classes with the model's {width} class names in output order"));
            }

            for (int i = 0; i < real; i++)
            {
                accumulator.Add(scores.Slice(i * width, width), pending[i].ClassIndex);
                request.OnScores?.Invoke(pending[i].Path, pending[i].ClassIndex, scores.Slice(i * width, width));
            }
        }
        catch (OnnxRuntimeException e)
        {
            throw new EvaluationException($"inference failed on model '{request.ModelName}': {e.Message.ReplaceLineEndings(" ")}", e);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            // Non-finite scores: the accumulator's message says the model or its preprocessing is broken.
            throw new EvaluationException(e.Message.ReplaceLineEndings(" "), e);
        }
        finally
        {
            foreach (PreparedImage item in pending)
            {
                Return(item, pool);
            }

            pending.Clear();
        }

        return real;
    }

    private static void Return(PreparedImage item, RowPool rows)
    {
        if (item.Input is not null)
        {
            rows.Return(item.Input);
        }
    }

    private static void Drain(ChannelReader<PreparedImage> reader, List<PreparedImage> pending, RowPool rows)
    {
        foreach (PreparedImage item in pending)
        {
            Return(item, rows);
        }

        pending.Clear();
        while (reader.TryRead(out PreparedImage item))
        {
            Return(item, rows);
        }
    }

    private static EvaluationException TooManyBad(IEnumerable<SkippedImage> skipped, int total, double maxBad)
    {
        SkippedImage[] list = [.. skipped];
        return new EvaluationException(string.Create(CultureInfo.InvariantCulture,
            $"{list.Length} of {total} images could not be decoded, more than the --max-bad {maxBad:0.##%} allowed (stopped early); first: {list[0].Reason}: fix or remove them, or raise --max-bad"));
    }
}
