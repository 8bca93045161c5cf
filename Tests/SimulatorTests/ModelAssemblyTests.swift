import XCTest
@testable import Simulator

/// The model is assembled from declarations: state offsets from the components' declared states, and an
/// evaluation order checked against the flows each step reads and writes.
final class ModelAssemblyTests: XCTestCase {
    func testTheDefaultOrderComputesEveryFlowBeforeItIsRead() throws {
        XCTAssertNoThrow(try EvaluationStep.check(CarbonModel.evaluationOrder))
    }

    func testAStepThatReadsAFlowNoEarlierStepWroteIsRefused() {
        // Industry before dual control: it would read the curtailment before it is computed.
        var order = CarbonModel.evaluationOrder
        order.swapAt(0, 2)
        XCTAssertThrowsError(try EvaluationStep.check(order)) {
            XCTAssertEqual($0 as? ModelAssemblyError, .readBeforeWritten(step: "industry", flow: "dual control"))
        }
        // Power before activities: in-region demand would miss the activities' electricity.
        var late = CarbonModel.evaluationOrder
        late.removeAll { $0 == .activities }
        late.insert(.activities, at: late.firstIndex(of: .power)! + 1)
        XCTAssertThrowsError(try EvaluationStep.check(late)) {
            XCTAssertEqual($0 as? ModelAssemblyError, .readBeforeWritten(step: "power", flow: "activities"))
        }
    }

    func testEveryFlowIsWrittenExactlyOnce() {
        XCTAssertThrowsError(try EvaluationStep.check(CarbonModel.evaluationOrder.filter { $0 != .sinks })) {
            XCTAssertEqual($0 as? ModelAssemblyError, .readBeforeWritten(step: "netEmissions", flow: "sinks"))
        }
        XCTAssertThrowsError(try EvaluationStep.check(CarbonModel.evaluationOrder + [.sinks])) {
            XCTAssertEqual($0 as? ModelAssemblyError, .writtenTwice(step: "sinks", flow: "sinks"))
        }
    }

    func testStateOffsetsFollowTheDeclarationsWithoutGapsOrOverlaps() {
        var layout = StateLayout()
        let a = layout.reserve([StateDeclaration("a", "1"), StateDeclaration("b", "1")])
        let none = layout.reserve([])
        let c = layout.reserve([StateDeclaration("c", "1")])
        XCTAssertEqual([a, none, c], [0, 2, 2])
        XCTAssertEqual(layout.count, 3)
        XCTAssertEqual(layout.states.map(\.name), ["a", "b", "c"])
    }
}
