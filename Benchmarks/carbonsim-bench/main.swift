import Scenarios
import Simulator
import Foundation
let d = try Dataset.innerMongolia()
let p = try d.modelParameters()
let m = try CarbonModel(parameters: p)
print(m.calibration)
let r = try Simulation(model: m).run()
print("evals", r.evaluations)
for name in ["co2_gross","co2_net","co2_sector_power","co2_sector_ferrous","co2_sector_nonferrous","co2_sector_nonmetal","co2_sector_petro_coking","co2_sector_chemicals","co2_sector_transport","co2_sector_other","energy_total","energy_dual_control","gdp","energy_intensity","non_fossil_share","electricity_generation","electricity_exports","generation_coal","generation_wind","generation_solar","capacity_wind","capacity_solar","capacity_coal","heat_rate","output_steel","output_aluminium","output_alumina","fly_ash_stock","fly_ash_generated"] {
  let s = r.series(name)
  print(name.padding(toLength: 26, withPad: " ", startingAt: 0), [2019,2020,2021,2022,2023,2025,2030,2040,2050,2060].map { String(format: "%8.1f", s[$0-2019]) }.joined())
}
let t0 = Date(); var n = 0
while Date().timeIntervalSince(t0) < 1 { _ = try Simulation(model: CarbonModel(parameters: p)).run(); n += 1 }
print("runs/s", n)
