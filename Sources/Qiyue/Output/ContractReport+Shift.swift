extension TextSpan {
    func shifted(by d: Int) -> TextSpan { TextSpan(start + d, end + d) }
}

extension ContractReport {
    /// Moves every span by `d` scalars: a document split out of a page reports page offsets.
    mutating func shift(by d: Int) {
        guard d != 0 else { return }
        document.titleSpan = document.titleSpan?.shifted(by: d)
        if var os = document.options {
            for i in os.indices { os[i].span = os[i].span.shifted(by: d) }
            document.options = os
        }
        if var ps = document.paymentSchedule {
            for i in ps.indices { ps[i].span = ps[i].span.shifted(by: d) }
            document.paymentSchedule = ps
        }
        if var dr = document.disputeResolution {
            dr.span = dr.span.shifted(by: d)
            document.disputeResolution = dr
        }
        for i in parties.indices { parties[i].span = parties[i].span.shifted(by: d) }
        for i in amounts.indices { amounts[i].span = amounts[i].span.shifted(by: d) }
        for i in dates.indices { dates[i].span = dates[i].span.shifted(by: d) }
        for i in deadlines.indices { deadlines[i].span = deadlines[i].span.shifted(by: d) }
        for i in periods.indices { periods[i].span = periods[i].span.shifted(by: d) }
        for i in penalties.indices { penalties[i].span = penalties[i].span.shifted(by: d) }
        for i in rates.indices { rates[i].span = rates[i].span.shifted(by: d) }
        for i in clauses.indices { clauses[i].span = clauses[i].span.shifted(by: d) }
        for i in risks.indices { risks[i].span = risks[i].span.shifted(by: d) }
        if var w = warnings {
            for i in w.indices { w[i].span = w[i].span?.shifted(by: d) }
            warnings = w
        }
    }
}
