import Foundation
import Markets

/// The SEC's documents in their real layouts, small but real in shape: the same namespaces, element and
/// attribute names, and JSON fields as the SEC serves.
///
/// - `company_tickers_mf.json`: `{"fields":["cik","seriesId","classId","symbol"],"data":[[…],…]}`.
/// - `company_tickers.json`: `{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},…}`.
/// - The browse feed: Atom (`http://www.w3.org/2005/Atom`) with EDGAR's `<company-info>` and one `<entry>` per
///   filing whose `<content type="text/xml">` holds `accession-number`, `filing-date`, `filing-type` and more.
/// - `primary_doc.xml`: `<edgarSubmission xmlns="http://www.sec.gov/edgar/nport" xmlns:com=… xmlns:ncom=…>`
///   with `headerData` and `formData/{genInfo, fundInfo, invstOrSecs}`.
/// - XBRL frames: `{"taxonomy":"us-gaap","tag":…,"ccp":…,"uom":"USD","label":…,"description":…,"pts":N,"data":[…]}`.
public enum SECDocuments {
    /// One fund share class of the mutual-fund tickers file.
    public struct FundRow: Sendable {
        public var cik: Int, seriesID: String, classID: String, symbol: String
        public init(cik: Int, seriesID: String, classID: String, symbol: String) {
            self.cik = cik; self.seriesID = seriesID; self.classID = classID; self.symbol = symbol
        }
    }

    public static func mutualFundTickers(_ rows: [FundRow]) -> String {
        let data = rows.map { "[\($0.cik),\"\($0.seriesID)\",\"\($0.classID)\",\"\($0.symbol)\"]" }
        return "{\"fields\":[\"cik\",\"seriesId\",\"classId\",\"symbol\"],\"data\":[" + data.joined(separator: ",") + "]}"
    }

    /// `company_tickers.json` for (ticker, CIK, title) rows.
    public static func companyTickers(_ rows: [(ticker: String, cik: Int, title: String)]) -> String {
        "{" + rows.enumerated().map { index, row in
            "\"\(index)\":{\"cik_str\":\(row.cik),\"ticker\":\"\(row.ticker)\",\"title\":\"\(json(row.title))\"}"
        }.joined(separator: ",") + "}"
    }

    /// One filing of a browse feed.
    public struct FeedEntry: Sendable {
        public var accession: String, filingDate: Day, type: String, cik: Int
        public init(accession: String, filingDate: Day, type: String, cik: Int) {
            self.accession = accession; self.filingDate = filingDate; self.type = type; self.cik = cik
        }
    }

    /// A page of EDGAR's Atom feed of a series' filings.
    public static func feed(seriesID: String, registrant: String, cik: Int, entries: [FeedEntry]) -> String {
        let padded = String(format: "%010d", cik)
        var text = """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <author>
            <email>webmaster@sec.gov</email>
            <name>Webmaster</name>
            </author>
            <company-info>
            <cik>\(padded)</cik>
            <conformed-name>\(xml(registrant))</conformed-name>
            <fiscal-year-end>0331</fiscal-year-end>
            <state-location>CA</state-location>
            </company-info>
            <id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=\(seriesID)</id>
            <link href="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=\(seriesID)&amp;type=NPORT" rel="alternate" type="text/html" />
            <title>\(xml(registrant))  (\(padded))</title>
            <updated>2026-11-30T12:00:00-05:00</updated>

            """
        for entry in entries {
            let folder = entry.accession.replacingOccurrences(of: "-", with: "")
            let href = "https://www.sec.gov/Archives/edgar/data/\(entry.cik)/\(folder)/\(entry.accession)-index.htm"
            text += """
                <entry>
                <category label="form type" scheme="https://www.sec.gov/" term="\(entry.type)" />
                <content type="text/xml">
                <accession-number>\(entry.accession)</accession-number>
                <act>40</act>
                <file-number>811-09729</file-number>
                <filing-date>\(entry.filingDate.iso)</filing-date>
                <filing-href>\(href)</filing-href>
                <filing-type>\(entry.type)</filing-type>
                <form-name>Monthly Portfolio Investments Report</form-name>
                <size>2 MB</size>
                </content>
                <id>urn:tag:sec.gov,2008:accession-number=\(entry.accession)</id>
                <link href="\(href)" rel="alternate" type="text/html" />
                <summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; \(entry.filingDate.iso) &lt;b&gt;AccNo:&lt;/b&gt; \(entry.accession) &lt;b&gt;Size:&lt;/b&gt; 2 MB</summary>
                <title>\(entry.type)  - Monthly Portfolio Investments Report</title>
                <updated>\(entry.filingDate.iso)T16:05:12-04:00</updated>
                </entry>

                """
        }
        return text + "</feed>\n"
    }

    /// One month's flow attributes, as decimal text.
    public struct Flow: Sendable {
        public var sales: String, reinvestment: String, redemption: String
        public init(sales: String, reinvestment: String = "0.00", redemption: String) {
            self.sales = sales; self.reinvestment = reinvestment; self.redemption = redemption
        }
    }

    /// One holding of the schedule of investments.
    public struct Holding: Sendable {
        public var name: String, lei: String, title: String, cusip: String, isin: String?, balance: String, value: String,
                   percent: String, assetCategory: String, country: String
        public init(name: String, lei: String = "N/A", title: String = "Common Stock", cusip: String, isin: String?,
                    balance: String = "1000.00000000", value: String, percent: String = "0.05", assetCategory: String = "EC",
                    country: String = "US") {
            self.name = name; self.lei = lei; self.title = title; self.cusip = cusip; self.isin = isin; self.balance = balance
            self.value = value; self.percent = percent; self.assetCategory = assetCategory; self.country = country
        }
    }

    /// A fund's `primary_doc.xml`: `flows` are mon1Flow, mon2Flow, mon3Flow in that order; `returns` rtn1…rtn3.
    public static func nport(type: String = "NPORT-P", cik: Int, seriesID: String, classID: String, seriesName: String,
                             registrant: String, fiscalYearEnd: Day, reportDate: Day, netAssets: String,
                             returns: [String] = ["1.01", "-0.52", "2.30"], flows: [Flow], holdings: [Holding]) -> String {
        let padded = String(format: "%010d", cik)
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <edgarSubmission xmlns="http://www.sec.gov/edgar/nport" xmlns:com="http://www.sec.gov/edgar/common" xmlns:ncom="http://www.sec.gov/edgar/nportcommon" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <headerData>
                <submissionType>\(type)</submissionType>
                <isConfidential>false</isConfidential>
                <filerInfo>
                  <filer>
                    <issuerCredentials>
                      <cik>\(padded)</cik>
                      <ccc>XXXXXXXX</ccc>
                    </issuerCredentials>
                  </filer>
                  <seriesClassInfo>
                    <seriesId>\(seriesID)</seriesId>
                    <classId>\(classID)</classId>
                  </seriesClassInfo>
                </filerInfo>
              </headerData>
              <formData>
                <genInfo>
                  <regName>\(xml(registrant))</regName>
                  <regFileNumber>811-09729</regFileNumber>
                  <regCik>\(padded)</regCik>
                  <regLei>549300Z7V2WO8NP0EP31</regLei>
                  <regStreet1>400 Howard Street</regStreet1>
                  <regCity>San Francisco</regCity>
                  <regStateConditional regCountry="US" regState="US-CA"/>
                  <regZipOrPostalCode>94105</regZipOrPostalCode>
                  <regPhone>415-670-2000</regPhone>
                  <seriesName>\(xml(seriesName))</seriesName>
                  <seriesId>\(seriesID)</seriesId>
                  <seriesLei>549300AGXK5W6R0QIV38</seriesLei>
                  <repPdEnd>\(fiscalYearEnd.iso)</repPdEnd>
                  <repPdDate>\(reportDate.iso)</repPdDate>
                  <isFinalFiling>N</isFinalFiling>
                </genInfo>
                <fundInfo>
                  <totAssets>\(netAssets)</totAssets>
                  <totLiabs>0.00</totLiabs>
                  <netAssets>\(netAssets)</netAssets>
                  <assetsAttrMiscSec>0.00</assetsAttrMiscSec>
                  <assetsInvested>0.00</assetsInvested>
                  <isNonCashCollateral>N</isNonCashCollateral>
                  <returnInfo>
                    <monthlyTotReturns>
                      <monthlyTotReturn classId="\(classID)" rtn1="\(returns[0])" rtn2="\(returns[1])" rtn3="\(returns[2])"/>
                    </monthlyTotReturns>
                    <othMon1 netRealizedGain="1520334.12" netUnrealizedAppr="-3311023.55"/>
                    <othMon2 netRealizedGain="-442001.08" netUnrealizedAppr="9120554.31"/>
                    <othMon3 netRealizedGain="88014.00" netUnrealizedAppr="2200121.67"/>
                  </returnInfo>

            """
        for (index, flow) in flows.enumerated() {
            text += "      <mon\(index + 1)Flow redemption=\"\(flow.redemption)\" reinvestment=\"\(flow.reinvestment)\" sales=\"\(flow.sales)\"/>\n"
        }
        text += """
                </fundInfo>
                <invstOrSecs>

            """
        for holding in holdings {
            text += """
                      <invstOrSec>
                        <name>\(xml(holding.name))</name>
                        <lei>\(holding.lei)</lei>
                        <title>\(xml(holding.title))</title>
                        <cusip>\(holding.cusip)</cusip>
                        <identifiers>
                          \(holding.isin.map { "<isin value=\"\($0)\"/>" } ?? "<other otherDesc=\"Internal\" value=\"X1\"/>")
                        </identifiers>
                        <balance>\(holding.balance)</balance>
                        <units>NS</units>
                        <curCd>USD</curCd>
                        <valUSD>\(holding.value)</valUSD>
                        <pctVal>\(holding.percent)</pctVal>
                        <payoffProfile>Long</payoffProfile>
                        <assetCat>\(holding.assetCategory)</assetCat>
                        <issuerCat>CORP</issuerCat>
                        <invCountry>\(holding.country)</invCountry>
                        <isRestrictedSec>N</isRestrictedSec>
                        <fairValLevel>1</fairValLevel>
                        <securityLending>
                          <isCashCollateral>N</isCashCollateral>
                          <isNonCashCollateral>N</isNonCashCollateral>
                          <isLoanByFund>N</isLoanByFund>
                        </securityLending>
                      </invstOrSec>

                """
        }
        return text + """
                </invstOrSecs>
                <signature>
                  <dateSigned>\(reportDate.adding(days: 50).iso)</dateSigned>
                  <nameOfApplicant>\(xml(registrant))</nameOfApplicant>
                  <signature>Jane Treasurer</signature>
                  <txAsOfDate>\(reportDate.iso)</txAsOfDate>
                </signature>
              </formData>
            </edgarSubmission>

            """
    }

    /// An XBRL frame of a tag for one period, one fact per (cik, value).
    public static func frame(tag: String = "NetIncomeLoss", period: String, facts: [(cik: Int, value: Double)], pts: Int? = nil,
                             start: String = "2025-07-01", end: String = "2025-09-30") -> String {
        let data = facts.map { fact in
            "{\"accn\":\"000\(fact.cik)-25-000001\",\"cik\":\(fact.cik),\"entityName\":\"FILER \(fact.cik) INC\","
                + "\"loc\":\"US-DE\",\"start\":\"\(start)\",\"end\":\"\(end)\",\"val\":\(Int64(fact.value))}"
        }
        let label = tag == "NetIncomeLoss" ? "Net Income (Loss) Attributable to Parent" : "Net Income (Loss), Including Portion Attributable to Noncontrolling Interest"
        return "{\"taxonomy\":\"us-gaap\",\"tag\":\"\(tag)\",\"ccp\":\"\(period)\",\"uom\":\"USD\",\"label\":\"\(label)\","
            + "\"description\":\"The portion of profit or loss for the period, net of income taxes.\","
            + "\"pts\":\(pts ?? facts.count),\"data\":[\(data.joined(separator: ","))]}"
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func json(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
