namespace McpVanguard.SemanticTrainer;

/// <summary>
/// L2-regularised logistic regression by full-batch gradient descent, classes weighted to balance. Deterministic:
/// starts from zero and visits samples in order, so the same data gives the same head bit for bit.
/// </summary>
internal sealed class LogisticRegression(double learningRate = 2.0, int epochs = 3000, double l2 = 1e-3)
{
    public (float[] Weights, double Bias) Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y)
    {
        var dimension = x[0].Length;
        var w = new double[dimension];
        var b = 0.0;
        var positives = y.Count(v => v);
        var negatives = y.Count - positives;
        var positiveWeight = y.Count / (2.0 * Math.Max(1, positives));
        var negativeWeight = y.Count / (2.0 * Math.Max(1, negatives));
        var gradient = new double[dimension];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            var gradientBias = 0.0;
            for (var i = 0; i < x.Count; i++)
            {
                var p = Sigmoid(Dot(w, x[i]) + b);
                var error = (p - (y[i] ? 1 : 0)) * (y[i] ? positiveWeight : negativeWeight);
                var row = x[i];
                for (var d = 0; d < dimension; d++)
                    gradient[d] += error * row[d];
                gradientBias += error;
            }

            for (var d = 0; d < dimension; d++)
                w[d] -= learningRate * ((gradient[d] / x.Count) + (l2 * w[d]));
            b -= learningRate * gradientBias / x.Count;
        }

        return (w.Select(v => (float)v).ToArray(), b);
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    public static double Dot(double[] w, float[] x)
    {
        var sum = 0.0;
        for (var d = 0; d < w.Length; d++)
            sum += w[d] * x[d];
        return sum;
    }
}
