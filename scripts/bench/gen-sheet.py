#!/usr/bin/env python3
"""Generates a qcl input sheet for the benchmarks.

Rows are spread round-robin-with-noise over the sandbox's six connectors and its six seeded
spaces (named by ID on some rows, by name on others), with realistic values. With
--invalid-fraction F about F of the rows carry one deliberate mistake of a kind a person makes
(enum in the wrong case, a letter in a port, another connector's column, a missing required
property, a space name that does not exist). Same --seed, same file.

With --xlsx the same rows go into an Excel workbook instead, as Excel saves one: whole numbers as
number cells, text in the shared strings (--inline-strings: in the cells, as streaming writers do).
"""
import argparse
import csv
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HEADER = ["qName", "dataSourceId", "space", "spaceName", "tags",
          "region", "bucketName", "accessKey", "secretKey",
          "url", "method", "timeout", "allowResponseHeaders", "authSchema", "httpHeaders",
          "host", "port", "database", "username", "password", "SSL", "sslmode",
          "server", "warehouse", "role", "authenticator", "privateKeyFile", "privateKeyPassphrase",
          "storageAccount", "accountKey", "container",
          "httpPath", "catalog", "token", "queryTimeout", "# note"]

# The sandbox's seeded spaces (dev.qcl.sandbox.SandboxSeed): ID, name, short code for qNames.
SPACES = [("6601c0a3e9b1f24d7a5c8e10", "Finance", "fin"),
          ("6601c0a3e9b1f24d7a5c8e11", "Finance Archive", "arc"),
          ("6601c0a3e9b1f24d7a5c8e12", "Sales", "sal"),
          ("6601c0a3e9b1f24d7a5c8e13", "Marketing", "mkt"),
          ("6601c0a3e9b1f24d7a5c8e14", "Griffin Ops", "ops"),
          ("6601c0a3e9b1f24d7a5c8e15", "Data Engineering", "de")]

CONNECTORS = ["File_AmazonS3ConnectorV2", "rest", "postgres", "snowflake",
              "File_AzureStorageConnector", "databricks"]
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-east-2", "us-west-2", "ap-southeast-2"]
SSLMODES = ["disable", "prefer", "require", "verify-ca", "verify-full"]
WORDS = ["sales", "ledger", "invoices", "orders", "crm", "metrics", "events", "landing",
         "archive", "reports", "assets", "billing", "hr", "payroll", "inventory", "claims"]


def s3(r, i, w):
    return {"region": r.choice(REGIONS), "bucketName": f"acme-{w}-{i:07d}",
            "accessKey": f"AKIA{r.randrange(16**12):012X}BENCH", "secretKey": "demo-only-secret"}


def rest(r, i, w):
    cells = {"url": f"https://api{r.randrange(1, 9)}.example.com/v{r.randrange(1, 4)}/{w}?page=1&size=500",
             "method": r.choice(["GET", "GET", "POST"]), "authSchema": r.choice(["anonymous", "basic"])}
    if r.random() < 0.5:
        cells["timeout"] = str(r.choice([15, 30, 60, 120]))
    if r.random() < 0.3:
        cells["allowResponseHeaders"] = r.choice(["true", "no", "1"])
    if r.random() < 0.3:
        cells["httpHeaders"] = '[{"name": "Accept", "value": "application/json"}]'
    if cells["authSchema"] == "basic":
        cells["username"] = f"svc_qlik_{w}"
        cells["password"] = "demo-only-secret"
    return cells


def postgres(r, i, w):
    return {"host": f"pg-{w}-{i % 97}.internal.example.com", "port": str(r.choice([5432, 5433, 6432])),
            "database": f"{w}_dw", "username": "qlik_reader", "password": "demo-only-secret",
            "SSL": r.choice(["true", "yes", "1", "false"]), "sslmode": r.choice(SSLMODES)}


def snowflake(r, i, w):
    cells = {"server": f"acme-{r.choice(['eu', 'us'])}.snowflakecomputing.com", "database": w.upper(),
             "warehouse": f"{w.upper()}_WH", "username": f"SVC_QLIK_{w.upper()}", "authenticator": "snowflake",
             "password": "demo-only-secret"}
    if r.random() < 0.5:
        cells["role"] = f"{w.upper()}_READER"
    return cells


def azure(r, i, w):
    return {"storageAccount": f"acme{w}{i % 1000}", "accountKey": "ZGVtby1vbmx5LWFjY291bnQta2V5",
            "container": f"{w}-exports"}


def databricks(r, i, w):
    return {"host": f"adb-{r.randrange(10**15, 10**16)}.7.azuredatabricks.net", "port": "443",
            "httpPath": f"/sql/1.0/warehouses/{r.randrange(16**16):016x}", "catalog": "main",
            "token": "dapi-demo-only-token", "queryTimeout": str(r.choice([30, 60, 90.5]))}


BUILDERS = dict(zip(CONNECTORS, [s3, rest, postgres, snowflake, azure, databricks]))


def spoil(r, row):
    """Introduces one realistic mistake; returns the note."""
    ds = row["dataSourceId"]
    kind = r.randrange(5)
    if kind == 0 and ds == "File_AmazonS3ConnectorV2":
        row["region"] = row["region"].upper()
        return "INVALID on purpose: region in the wrong case"
    if kind == 1 and row.get("port"):
        row["port"] = row["port"].replace("0", "O").replace("3", "E")
        return "INVALID on purpose: letter in port"
    if kind == 2:
        row["spaceName"], row["space"] = "Fin", ""
        return "INVALID on purpose: no space named Fin"
    if kind == 3 and ds != "File_AmazonS3ConnectorV2":
        row["bucketName"] = "acme-wrong-column"
        return "INVALID on purpose: S3 column on another connector"
    row["dataSourceId"] = ds.lower() if ds != ds.lower() else ds.capitalize()
    return "INVALID on purpose: dataSourceId in the wrong case"


class Workbook:
    """A minimal .xlsx (one sheet, the header row frozen) written row by row into its zip file."""
    NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    WHOLE = re.compile(r"-?[1-9][0-9]{0,14}|0")

    def __init__(self, path, inline):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.inline = inline
        self.strings = {}
        self.row = 0
        self.sheet = self.zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self.sheet.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="%s">'
                          '<sheetData>' % self.NS).encode())

    @staticmethod
    def column(i):
        name = ""
        i += 1
        while i:
            i, rest = divmod(i - 1, 26)
            name = chr(65 + rest) + name
        return name

    def write(self, cells):
        self.row += 1
        out = ['<row r="%d">' % self.row]
        for i, cell in enumerate(cells):
            if cell == "":
                continue
            ref = "%s%d" % (self.column(i), self.row)
            if self.WHOLE.fullmatch(cell):
                out.append('<c r="%s"><v>%s</v></c>' % (ref, cell))
            elif self.inline:
                out.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(cell)))
            else:
                index = self.strings.setdefault(cell, len(self.strings))
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index))
        out.append("</row>")
        self.sheet.write("".join(out).encode())

    def close(self):
        self.sheet.write(b"</sheetData></worksheet>")
        self.sheet.close()
        with self.zip.open("xl/sharedStrings.xml", "w", force_zip64=True) as sst:
            sst.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d"'
                       ' uniqueCount="%d">' % (self.NS, len(self.strings), len(self.strings))).encode())
            for text in self.strings:
                sst.write(('<si><t xml:space="preserve">%s</t></si>' % escape(text)).encode())
            sst.write(b"</sst>")
        self.zip.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.'
            'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>')
        self.zip.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>' % self.REL)
        self.zip.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
            '<sheets><sheet name="Connections" sheetId="1" r:id="rId1"/></sheets></workbook>' % (self.NS, self.REL))
        self.zip.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/'
            'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" Target='
            '"sharedStrings.xml"/></Relationships>' % (self.REL, self.REL))
        self.zip.close()


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--invalid-fraction", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--prefix", default="bench", help="prefix of every qName (keeps runs apart)")
    p.add_argument("--out", default="-")
    p.add_argument("--xlsx", action="store_true", help="write an Excel workbook (--out names it)")
    p.add_argument("--inline-strings", action="store_true", help="with --xlsx: text in the cells, no shared strings")
    a = p.parse_args()
    r = random.Random(a.seed)
    if a.xlsx:
        book = Workbook(a.out, a.inline_strings)
        book.write(HEADER)

        class Rows:
            @staticmethod
            def writerow(row):
                book.write([row.get(column, "") for column in HEADER])
        w, out = Rows, None
    else:
        out = sys.stdout if a.out == "-" else open(a.out, "w", newline="", encoding="utf-8")
        w = csv.DictWriter(out, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
    for i in range(a.rows):
        ds = CONNECTORS[i % 6] if r.random() < 0.8 else r.choice(CONNECTORS)
        space_id, space_name, short = SPACES[r.randrange(6)]
        word = r.choice(WORDS)
        row = {"qName": f"{a.prefix}-{short}-{ds.split('_')[-1].lower()}-{word}-{i:07d}", "dataSourceId": ds,
               "tags": ";".join(["migrated", short] + ([word] if r.random() < 0.5 else []))}
        if r.random() < 0.5:
            row["space"] = space_id
        else:
            row["spaceName"] = space_name
        row.update(BUILDERS[ds](r, i, word))
        if a.invalid_fraction and r.random() < a.invalid_fraction:
            row["# note"] = spoil(r, row)
        w.writerow(row)
    if a.xlsx:
        book.close()
    elif out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
