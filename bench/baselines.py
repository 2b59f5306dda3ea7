"""Python baselines for `npm run bench`: Biopython's Entrez.read and the C streaming tokenizer
(xml.etree.ElementTree.iterparse counting PubmedArticle elements). Prints one JSON line."""
import json, resource, sys, time

def iterparse_count(path):
    import xml.etree.ElementTree as ET
    n = 0
    for _, elem in ET.iterparse(path, events=("end",)):
        if elem.tag == "PubmedArticle":
            n += 1
            elem.clear()
    return n

def biopython_read(path):
    from Bio import Entrez
    with open(path, "rb") as handle:
        records = Entrez.read(handle, validate=False)
    return len(records["PubmedArticle"])

which, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
count = iterparse_count(path) if which == "iterparse" else biopython_read(path)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"step": which, "records": count, "seconds": seconds, "peakMb": peak_mb}))
