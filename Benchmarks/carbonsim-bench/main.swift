import Scenarios
import Simulator
import Foundation
let d = try Dataset.innerMongolia()
let p = try d.modelParameters()
func time(_ label: String, _ n: Int, _ body: () throws -> Void) rethrows {
  let t0 = Date(); for _ in 0..<n { try body() }; let dt = Date().timeIntervalSince(t0)
  print(label, String(format: "%.1f us", dt / Double(n) * 1e6))
}
let m = try CarbonModel(parameters: p)
try time("construct", 200) { _ = try CarbonModel(parameters: p) }
try time("run", 200) { _ = try Simulation(model: m).run() }
let y = m.initialState(); var dy = [Double](repeating: 0, count: m.dimension)
y.withUnsafeBufferPointer { yb in dy.withUnsafeMutableBufferPointer { db in
  time("rhs", 100000) { _ = m.derivatives(t: 2025.3, y: yb.baseAddress!, dydt: db.baseAddress!) }
}}
time("catalog", 200) { _ = m.outputCatalog }
