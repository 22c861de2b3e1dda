import Testing
@testable import GutPlanKit

@Test func jsonNumbersAreFixedAndTrimmed() {
    #expect(JSONWriter.number(2010.0) == "2010")
    #expect(JSONWriter.number(0.947123) == "0.947123")
    #expect(JSONWriter.number(0.94712349) == "0.947123")
    #expect(JSONWriter.number(0.1 + 0.2) == "0.3")
    #expect(JSONWriter.number(-0.0) == "0")
    #expect(JSONWriter.number(-0.0000001) == "0")
    #expect(JSONWriter.number(-2.5) == "-2.5")
    #expect(JSONWriter.number(1e20) == "1e+20")
    #expect(JSONWriter.number(.nan) == "null")
    #expect(JSONWriter.number(.infinity) == "null")
    #expect(JSONWriter.number(-.infinity) == "null")
    #expect(JSONWriter.number(1.5, maxFractionDigits: 0) == "2")
}

@Test func jsonStringsEscapePerRFC8259() {
    let value: JSONValue = .string("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀\u{2028}")
    #expect(value.rendered() == #""a\"b\\c/d\n\r\t\b\f\u0001\u001f\u007fé😀\u2028""#)
}

@Test func jsonPrettyAndCompact() {
    let value: JSONValue = .object(ordered: [("b", [1, 2.5, nil, true]), ("a", .object([])), ("c", [])])
    #expect(value.rendered(pretty: false) == #"{"b":[1,2.5,null,true],"a":{},"c":[]}"#)
    #expect(value.rendered() == """
    {
      "b": [
        1,
        2.5,
        null,
        true
      ],
      "a": {},
      "c": []
    }
    """)
}

@Test func jsonSortedObjectsUseByteOrder() {
    let value = JSONValue.object(sorting: ["b": 1, "a": 2, "B": 3, "é": 4, "a-b": 5])
    #expect(value.rendered(pretty: false) == #"{"B":3,"a":2,"a-b":5,"b":1,"é":4}"#)
}

@Test func jsonParserRoundTrips() throws {
    let value: JSONValue = .object(ordered: [
        ("text", "line\nbreak \"quoted\" \u{01} é 😀"), ("n", -12.25), ("list", [true, false, nil, [], .object([])]),
    ])
    for pretty in [true, false] {
        #expect(try JSONValue(parsing: value.rendered(pretty: pretty)) == value)
    }
    #expect(try JSONValue(parsing: #""\ud83d\ude00\/""#) == "😀/")
    #expect(try JSONValue(parsing: " 1e3 ") == 1000)
}

@Test func jsonParserRejectsBadInput() {
    for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"\\x\"", "\"\u{01}\"", "[1] 2", "\"\\ud800\""] {
        #expect(throws: Diagnostic.self) { try JSONValue(parsing: bad) }
    }
}
