import ArgumentParser
import Dashboard
import TermCanvas

/// The frame size `render --size` accepts: every check of the value in one place.
///
/// Below `Layout.minimumSize` the dashboard draws only "terminal too small", which a script must not take
/// for a frame, so that is an error. Above `maximum` the frame alone would take hundreds of megabytes
/// (about 21 bytes a cell: 5000x5000 took 538 MB, 100000x100000 aborted asking for 160 GB), and no
/// terminal is that large.
enum RenderSize {
    /// The largest frame drawn: 1000 columns by 1000 rows, about 21 MB of cells.
    static let maximum = Size(width: 1000, height: 1000)

    /// The size given as `WIDTHxHEIGHT`, or a message saying what is wrong with it.
    static func parse(_ text: String) throws -> Size {
        guard let size = Size(parsing: text) else {
            throw ValidationError("--size: expected WIDTHxHEIGHT such as 120x40, got '\(SafeText.excerpt(text, limit: 40))'")
        }
        let minimum = Layout.minimumSize
        guard size.width >= minimum.width, size.height >= minimum.height else {
            throw ValidationError("--size \(size.width)x\(size.height): terminal too small: need at least "
                                  + "\(minimum.width)x\(minimum.height)")
        }
        guard size.width <= maximum.width, size.height <= maximum.height else {
            throw ValidationError("--size \(size.width)x\(size.height): larger than the limit of \(maximum.width)x\(maximum.height)")
        }
        return size
    }
}
