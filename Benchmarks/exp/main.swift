import Foundation
import Scenarios
import Simulator
let dataset = try Dataset.innerMongolia()
let loader = ScenarioLoader(dataset: dataset)
for file in ["scenarios/baseline.yaml", "scenarios/announced.yaml", "scenarios/accelerated.yaml", "scenarios/levers/renewables.yaml", "scenarios/levers/capacity.yaml"] {
  let p = try PreparedScenario(loader.load(path: file), dataset: dataset).parameters
  let m = try CarbonModel(parameters: p)
  let r = try Simulation(model: m).run()
  let i = try Indicators(trajectory: r, targets: Targets())
  print(file, r.evaluations, "peak", i.peak.year, String(format: "%.2f cum %.1f", i.peak.value, i.cumulativeNetCO2))
}
