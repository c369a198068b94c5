-- wrk script for bench/registry.sh: each request asks for a different name prefix or credential number, so the
-- run measures the registry's indexes, not one cached row. REGISTRY_KIND: api-search, api-number, page-search,
-- page-number. REGISTRY_NUMBERS: how many numbers each program issued (they start at 1).
local kind = os.getenv("REGISTRY_KIND") or "api-search"
local numbers = tonumber(os.getenv("REGISTRY_NUMBERS") or "1000")

-- Prefixes of first and last names as people type them: short and long, accents or not, "last first" too.
local prefixes = {
  "jo", "jos", "jose", "jos%C3%A9", "mar", "maria", "mar%C3%ADa", "gar", "garcia", "garc%C3%ADa%20j", "smi", "smith",
  "smith%20j", "smith-jones", "obr", "o%27brien", "obrien", "oc", "o%27connor", "mc", "mac", "nguy", "nguyen",
  "nguy%E1%BB%85n", "tr", "tran", "le", "lee", "mul", "muller", "m%C3%BCller", "sch", "schafer", "wei", "weiss",
  "so", "soren", "s%C3%B8ren", "bj", "bjorn", "lu", "lukasz", "%C5%82ukasz", "sio", "siobhan", "ni%20bh", "da",
  "dav", "david", "da%20silva", "de%20la", "van%20der", "kim", "park", "pa", "pat", "patel", "sin", "singh",
  "ren", "renee", "ren%C3%A9e", "zo", "zoe", "chl", "chloe", "fra", "francois", "jer", "jerome", "ana", "anais",
  "ang", "angel", "an", "and", "anderson", "tay", "taylor", "wil", "williams", "wilson", "ja", "james", "jen",
  "jennifer", "mi", "mic", "michael", "li", "lin", "linda", "ro", "rob", "robert", "be", "ben", "beth", "bo",
  "bobby", "ki", "kit", "ri", "river", "sk", "sky", "mo", "moh", "mohammed", "fa", "fatima", "ai", "aisha",
  "pr", "priya", "ar", "arjun", "kw", "kwame", "ng", "ngozi", "be", "begay", "ya", "yazzie", "ke", "kealoha",
  "tw", "two%20bears", "ru", "running", "dv", "dvorak", "dvo%C5%99%C3%A1k", "sz", "szabo", "ko", "kovacs",
  "ho", "horvath", "ok", "okafor", "ad", "adeyemi", "di", "diallo", "to", "toure", "fe", "ferreira", "go", "goncalves",
}

local function pick(list) return list[math.random(#list)] end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + (args[1] and #args[1] or 0))
end

function request()
  if kind == "api-search" or kind == "page-search" then
    local base = kind == "api-search" and "/api/registry?q=" or "/registry?q="
    local page = math.random(10) == 1 and "&page=2" or ""
    return wrk.format("GET", base .. pick(prefixes) .. page)
  end
  local number
  if math.random(2) == 1 then
    number = string.format("CPS-%06d", math.random(numbers))
  else
    number = string.format("CMPS-%06d", math.random(numbers))
  end
  local base = kind == "api-number" and "/api/registry/" or "/registry/"
  return wrk.format("GET", base .. number)
end
