/// The sum of each calendar month's values, dated on the first of the month.
///
/// Works for daily and monthly flows alike: a month holding one value keeps it. Months without any value are left
/// out, not filled with zero, so a gap in the source stays visible. O(n).
public func monthlySums(_ v: ValueSeries) -> ValueSeries {
    var points: [(day: Day, value: Double)] = []
    for (day, value) in zip(v.days, v.values) {
        let (year, month, _) = day.components
        let first = Day(year: year, month: month, day: 1)!
        if let last = points.last, last.day == first {
            points[points.count - 1].value += value
        } else {
            points.append((first, value))
        }
    }
    return ValueSeries(id: v.id, points: points)
}

/// The cumulative sum of the values from a day on: each point is the total of all values from `from` up to its day.
///
/// Values before `from` are ignored and not included in the result. O(n).
public func runningTotal(_ v: ValueSeries, from start: Day) -> ValueSeries {
    var total = 0.0
    var points: [(day: Day, value: Double)] = []
    for i in v.indices(in: start...Day(rawValue: .max)) {
        total += v.values[i]
        points.append((v.days[i], total))
    }
    return ValueSeries(id: v.id, points: points)
}
