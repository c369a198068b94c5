using BenchmarkDotNet.Running;

// Micro benchmarks: `scripts/bench` runs them; results are written down in bench/README.md.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
