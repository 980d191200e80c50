import Foundation
import Testing
@testable import Qiyue

/// A role label followed by the name field's own label (用户名称：, 甲方名称：, 客户姓名：), as
/// customer forms and many templates write it, names the party.
@Suite struct CustomerFormTests {
    @Test(arguments: [
        ("用户名称：上海恒丰贸易有限公司\n联系人：王小明\n联系电话：021-5555 1234\n", "用户", "上海恒丰贸易有限公司", "client"),
        ("客户姓名：李四\n身份证号：110101199003074514\n手机：13800138000\n", "客户", "李四", "client"),
        ("甲方名称：上海恒丰贸易有限公司\n乙方名称：北京华信科技有限公司\n", "乙方", "北京华信科技有限公司", nil),
    ])
    func roleThenNameLabel(_ block: String, _ role: String, _ name: String, _ side: String?) throws {
        let text = "仓储服务确认书\n\n" + block + "\n经双方确认，本公司为用户提供仓储服务，仓储费每月人民币3000元，用户应于每月5日前支付。\n"
        let (r, _) = try Pipeline().report(text: text, category: "service")
        let p = try #require(r.parties.first { $0.role == role }, "\(r.parties.map(\.role))")
        #expect(p.name == name)
        if let side { #expect(p.side == side) }
    }
}
