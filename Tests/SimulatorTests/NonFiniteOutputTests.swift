import XCTest
@testable import Simulator

/// A run that produces a non-finite number is an error naming the quantity and the year, never a NaN in a table.
final class NonFiniteOutputTests: XCTestCase {
    func testANonFiniteOutputIsAnErrorNamingTheQuantityAndYear() throws {
        let catalog = OutputCatalog.shared
        let years = [2019, 2020, 2021]
        var values = [Double](repeating: 1, count: years.count * catalog.names.count)
        let cap = try XCTUnwrap(catalog.names.firstIndex(of: "energy_cap"))
        for i in years.indices { values[i * catalog.names.count + cap] = .nan }
        let fine = Trajectory(years: years, catalog: catalog, values: values, cumulativeNetCO2: 0, cumulativeGrossCO2: 0,
                              cumulativeFrom: 2020, evaluations: 0)
        XCTAssertNoThrow(try fine.checkFinite(), "energy_cap is missing by design where no cap applies")
        let net = try XCTUnwrap(catalog.names.firstIndex(of: "co2_net"))
        values[2 * catalog.names.count + net] = .infinity
        let broken = Trajectory(years: years, catalog: catalog, values: values, cumulativeNetCO2: 0, cumulativeGrossCO2: 0,
                                cumulativeFrom: 2020, evaluations: 0)
        XCTAssertThrowsError(try broken.checkFinite()) {
            let e = $0 as? NonFiniteOutputError
            XCTAssertEqual(e?.quantity, "co2_net")
            XCTAssertEqual(e?.year, 2021)
            XCTAssertTrue(e?.description.contains("co2_net in 2021") == true, e?.description ?? "")
        }
    }
}
