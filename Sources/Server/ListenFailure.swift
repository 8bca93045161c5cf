import Foundation
import NIOCore
import Reports

/// Why the server could not listen, said as an analyst can act on it: NIO's
/// "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)" becomes "port 8080 is in use".
public struct ListenFailure {
    public let host: String
    public let port: Int
    public let error: any Error

    public init(host: String, port: Int, error: any Error) {
        self.host = host
        self.port = port
        self.error = error
    }

    /// The errno of a failed bind or listen, if the error carries one.
    var errno: Int32? { (error as? IOError)?.errnoCode }

    public func message(_ lang: Language) -> String {
        let zh = lang == .zh, at = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        switch errno {
        case EADDRINUSE:
            return zh ? "无法在 \(at) 上提供服务：端口 \(port) 已被其他程序占用（可能是另一个 carbonsim serve）"
                      : "cannot serve on \(at): port \(port) is already in use (perhaps by another carbonsim serve)"
        case EADDRNOTAVAIL:
            return zh ? "无法在 \(at) 上提供服务：\(host) 不是本机的地址"
                      : "cannot serve on \(at): \(host) is not an address of this computer"
        case EACCES, EPERM:
            return zh ? "无法在 \(at) 上提供服务：端口 \(port) 需要管理员权限（1024 以下的端口）"
                      : "cannot serve on \(at): port \(port) needs administrator rights (ports below 1024)"
        default:
            return zh ? "无法在 \(at) 上提供服务：\(error)" : "cannot serve on \(at): \(error)"
        }
    }

    public func accepted(_ lang: Language) -> String {
        lang == .zh ? "可用：本机地址（--host 127.0.0.1）上的空闲端口（--port 0 自动选择一个）"
                    : "accepted: a free port (--port 0 picks one) on an address of this computer (--host 127.0.0.1)"
    }
}
