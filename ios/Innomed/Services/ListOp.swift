import Foundation

/// A change to a live list, as the core sends them (a reset first, then diffs in order).
public enum ListOp<Element> {
    case append([Element])
    case clear
    case pushFront(Element)
    case pushBack(Element)
    case popFront
    case popBack
    case insert(Int, Element)
    case set(Int, Element)
    case remove(Int)
    case truncate(Int)
    case reset([Element])
}

extension Array {
    /// Applies one change. An index out of range (a list out of step with the core) is
    /// ignored rather than crashing; the next reset brings the list back in step.
    public mutating func apply(_ op: ListOp<Element>) {
        switch op {
        case .append(let values): append(contentsOf: values)
        case .clear: removeAll()
        case .pushFront(let value): insert(value, at: 0)
        case .pushBack(let value): append(value)
        case .popFront: if !isEmpty { removeFirst() }
        case .popBack: if !isEmpty { removeLast() }
        case .insert(let index, let value): if index <= count { insert(value, at: index) }
        case .set(let index, let value): if indices.contains(index) { self[index] = value }
        case .remove(let index): if indices.contains(index) { remove(at: index) }
        case .truncate(let length): if length < count { removeLast(count - length) }
        case .reset(let values): self = values
        }
    }
}
