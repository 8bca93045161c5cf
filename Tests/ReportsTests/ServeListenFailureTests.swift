import Foundation
import XCTest

/// `carbonsim serve` on a port another program holds says so, in the page's language, instead of NIO's
/// "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)".
final class ServeListenFailureTests: XCTestCase {
    /// A listening socket on a free port of 127.0.0.1, and that port.
    func occupiedPort() throws -> (socket: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    func testAPortInUseIsSaidInChineseAndEnglish() throws {
        let (fd, port) = try occupiedPort()
        defer { close(fd) }
        let zh = try CLI().run(["serve", "--no-history", "--port", "\(port)"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.err.contains("错误：无法在 127.0.0.1:\(port) 上提供服务：端口 \(port) 已被其他程序占用"), zh.err)
        XCTAssertTrue(zh.err.contains("--port 0 自动选择一个"), zh.err)
        XCTAssertFalse(zh.err.contains("errno"), zh.err)
        let en = try CLI().run(["serve", "--no-history", "--lang", "en", "--port", "\(port)"])
        XCTAssertEqual(en.status, 1)
        XCTAssertTrue(en.err.contains("error: cannot serve on 127.0.0.1:\(port): port \(port) is already in use"), en.err)
    }

    func testAnAddressNotOfThisComputerIsNamed() throws {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this computer.
        let r = try CLI().run(["serve", "--no-history", "--lang", "en", "--host", "192.0.2.1", "--port", "0"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("192.0.2.1 is not an address of this computer"), r.err)
    }
}
