import BaoCaoDomain

/// The site's own style sheet and script, served from /tai-nguyen/. No framework, no CDN: the pages work without the
/// script, which only recomputes comparisons as one types, inserts figure placeholders and asks before a step.
enum Assets {
    static let css = """
        :root{--ink:#1b1f23;--muted:#5b6470;--line:#d6dae0;--bg:#f6f7f9;--brand:#9b1c1c;--ok:#17663a;--warn:#a15c00;
        --bad:#b42318;--info:#1d4f91;font-family:"Liberation Sans",Arial,"Noto Sans",sans-serif;color:var(--ink)}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);line-height:1.45;font-size:16px}
        a{color:#1d4f91}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f2b705;
        outline-offset:1px}.skip{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden;white-space:nowrap}.skip:focus{left:.5rem;top:.5rem;width:auto;height:auto;overflow:visible;background:#fff;padding:.5rem;z-index:9}
        header.top{background:var(--brand);color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;
        align-items:center}header.top a{color:#fff;text-decoration:none}header.top .brand{font-weight:700;font-size:1.15rem}
        header.top nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}header.top nav a[aria-current]{text-decoration:underline}
        header.top .who{margin-left:auto;display:flex;gap:.5rem;align-items:center;font-size:.9rem}
        header.top form{margin:0}header.top button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;
        padding:.15rem .6rem;cursor:pointer}main{max-width:72rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
        .card>h2:first-child,.card>h1:first-child{margin-top:0}
        .muted{color:var(--muted)}.small{font-size:.875rem}
        .flash{padding:.75rem 1rem;border-radius:6px;margin:0 0 1rem;border:1px solid}.flash.ok{background:#ecf8f0;
        border-color:#9fd3b2;color:var(--ok)}.flash.error{background:#fdf0ef;border-color:#f1a7a1;color:var(--bad)}
        .flash.warn{background:#fff6e5;border-color:#f0c36d;color:var(--warn)}
        .editor{display:grid;gap:1rem}@media(min-width:1100px){.editor{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
        .chip{background:#e8eef8;border:1px solid #b9c9e6;border-radius:4px;padding:0 .2rem;cursor:help}
        .chip.thieu{background:#fde4e1;border-color:#f1a7a1}.chip.list{display:block;padding:.25rem .5rem}
        sup.note{color:var(--info);font-size:.75rem}.toolbar{display:flex;gap:.5rem;margin:.25rem 0}
        .preview p.bullet{margin-left:1rem}.chip-editor{min-height:16rem;border:1px solid var(--line);border-radius:6px;background:#fff;
        padding:.6rem;white-space:pre-wrap;line-height:1.7}.chip-editor:focus{outline:3px solid #f0c36d}
        .chip-editor .chip{user-select:all}[hidden]{display:none!important}.editor select{max-width:100%}
        .editor .filters>div{min-width:0;max-width:100%}
        table.grid{border-collapse:collapse;width:100%;background:#fff}table.grid th,table.grid td{border-bottom:1px solid
        var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}table.grid th{background:#eef0f3;font-size:.875rem}
        table.grid td.num,table.grid th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .scroll{overflow-x:auto}label{font-weight:600}input[type=text],input[type=password],select,textarea{font:inherit;
        padding:.4rem .5rem;border:1px solid #9aa3ae;border-radius:4px;background:#fff;max-width:100%}
        input.value{width:9rem;text-align:right}input.note{width:100%;min-width:8rem}textarea{width:100%;min-height:14rem}
        button,.button{font:inherit;background:#1d4f91;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;
        cursor:pointer;text-decoration:none;display:inline-block}button.secondary,.button.secondary{background:#fff;color:#1d4f91;
        border:1px solid #1d4f91}button.danger{background:var(--bad)}.actions{display:flex;flex-wrap:wrap;gap:.5rem;
        align-items:center;margin:.75rem 0}.field-error{color:var(--bad);font-size:.875rem;display:block}
        input[aria-invalid=true]{border-color:var(--bad);background:#fff6f5}
        .badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.8rem;font-weight:600;white-space:nowrap}
        .s-chua_bat_dau{background:#eceff3;color:#444}.s-nhap{background:#fff4d6;color:#7a4b00}.s-da_gui{background:#e3ecfa;
        color:var(--info)}.s-tra_lai{background:#fde4e1;color:var(--bad)}.s-da_duyet{background:#dff3e6;color:var(--ok)}
        .view-note{padding:.5rem .75rem;border-radius:6px;border:1px solid var(--line);background:#fff}
        .view-lam-viec{border-color:#e0b44a;background:#fffaf0}.view-chinh-thuc{border-color:#9fd3b2;background:#f3fbf6}
        .conflict{border:2px solid var(--bad);background:#fff6f5;border-radius:6px;padding:.5rem;margin:.5rem 0;font-weight:400}
        .conflict label{display:block;font-weight:600}
        ul.checks{padding-left:1.25rem}ul.checks li{margin:.35rem 0}li.loi{color:var(--bad)}li.canh-bao{color:var(--warn)}
        .late{color:var(--bad);font-weight:700}.g-dat{color:var(--ok)}.g-gan{color:var(--warn)}.g-cham{color:var(--bad)}
        .g-khong{color:var(--muted)}ul.summary{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
        .filters div{display:flex;flex-direction:column;gap:.2rem}
        .login{max-width:24rem;margin:3rem auto}.login input{width:100%}.stack>*+*{margin-top:.75rem}
        details summary{cursor:pointer}.chart{max-width:100%;height:auto}fieldset{border:1px solid var(--line);
        border-radius:6px;background:#fff;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:700;padding:0 .25rem}
        .progress{height:.6rem;background:#e5e7eb;border-radius:999px;overflow:hidden}.progress span{display:block;
        height:100%;background:var(--ok)}.preview{background:#fff;border:1px solid var(--line);padding:1rem;white-space:pre-wrap}
        @media (max-width:40rem){table.entry thead{display:none}table.entry tr{display:block;border-bottom:2px solid var(--line);
        padding:.5rem 0}table.entry td{display:block;border:0;padding:.2rem .25rem}table.entry td.num{text-align:left}
        table.entry td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
        input.value{width:100%}header.top .who{margin-left:0}}
        ul.tiles{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0 0 .75rem}
        .tile a{display:block;border:1px solid var(--line);border-radius:6px;padding:.4rem .75rem;background:#fff;
        color:inherit;text-decoration:none}.tile strong{font-size:1.4rem;margin-right:.25rem}
        .tile.g-dat a{border-color:#9fd3b2}.tile.g-gan a{border-color:#f0c36d}.tile.g-cham a{border-color:#f1a7a1}
        .chart-narrow{display:none}
        details.help{display:inline-block;margin-left:.25rem}details.help summary{display:inline-block;width:1.3rem;
        height:1.3rem;border:1px solid var(--info);border-radius:50%;text-align:center;line-height:1.2rem;
        color:var(--info);font-size:.8rem;list-style:none}details.help summary::-webkit-details-marker{display:none}
        details.help[open] dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .6rem;margin:.4rem 0;padding:.5rem;
        background:#f3f6fb;border:1px solid var(--line);border-radius:6px;font-size:.85rem;max-width:32rem}
        details.help dt{font-weight:600}details.help dd{margin:0}
        @media (max-width:44rem){.chart-wide{display:none}.chart-narrow{display:block}
        table.cards thead{display:none}table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
        table.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.25rem .5rem;background:#fff}
        table.cards td{border:0;display:flex;justify-content:space-between;gap:.75rem;padding:.15rem 0;text-align:right;
        white-space:normal}table.cards td::before{content:attr(data-label);font-weight:600;color:var(--muted);
        text-align:left;flex:0 0 40%}table.cards td.num{white-space:normal}.card.scroll{overflow-x:visible}
        main{padding-left:.75rem;padding-right:.75rem}input,select{max-width:100%}.filters>div{flex:1 1 100%;min-width:0}
        .filters select,.filters input{width:100%}}
        .tt-xanh-duong{background:#e3ecfa;color:var(--info)}.tt-cam{background:#ffe8cc;color:#8a4b00}
        .tt-do{background:#fde4e1;color:var(--bad)}.tt-xanh-la{background:#dff3e6;color:var(--ok)}
        .tt-cho{background:#eceff3;color:#444}.tt-minh-hoa{background:#fff4d6;color:#7a4b00}.tt-chu-do{color:var(--bad);
        font-weight:700}.tt-chu-cam{color:#8a4b00;font-weight:700}tr.tt-hang-do td:first-child{border-left:4px solid var(--bad)}
        tr.tt-hang-cam td:first-child{border-left:4px solid #e08a00}nav.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1rem;
        margin:0 0 1rem;border-bottom:1px solid var(--line)}nav.tabs a{padding:.35rem .25rem;text-decoration:none}
        nav.tabs a[aria-current]{border-bottom:3px solid var(--brand);font-weight:700}dl.facts{display:grid;
        grid-template-columns:minmax(9rem,14rem) 1fr;gap:.35rem 1rem}dl.facts dt{font-weight:600;color:var(--muted)}
        dl.facts dd{margin:0}section.steps{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 1rem}
        form.step h3{margin:0 0 .5rem;font-size:1rem}label.inline{display:inline-block;margin:0 1rem .25rem 0;font-weight:400}
        fieldset{border:1px solid var(--line);border-radius:6px;margin:.75rem 0}form.proposal input[name=tieu_de]{width:100%}
        form.task-form label{display:block;margin-top:.5rem}form.task-form label.inline{display:inline-block;font-weight:400}
        form.task-form input:not([type=checkbox]),form.task-form textarea{width:100%}form.task-form textarea{min-height:4rem}
        form.task-form select{max-width:100%}
        @media (max-width:40rem){dl.facts{grid-template-columns:1fr}}
        @media print{@page{size:A4 landscape;margin:12mm}header.top,.actions,.filters,.skip,.view-note a,.tiles+p,
        details summary{display:none}details>*{display:block}body{background:#fff;font-size:10pt}
        .card{border:0;box-shadow:none;padding:0;break-inside:avoid}.chart-wide{display:block!important}
        .chart-narrow{display:none!important}table.grid{font-size:9pt}table.grid tr{break-inside:avoid}
        a{color:inherit;text-decoration:none}}
        """

    static let js = """
        "use strict";
        (function(){
        var SCALE=10000n,LIMIT=\(Amount.inputLimit.scaled)n;
        function parseVN(raw){
          var t=raw.replace(/\\s/g,"");if(t==="")return {empty:true};
          var neg=false;if(t[0]==="-"){neg=true;t=t.slice(1);}
          if(t===""||!/^[0-9.,]+$/.test(t))return {error:"chỉ được chứa chữ số, dấu chấm phân cách hàng nghìn và dấu phẩy thập phân"};
          var c=t.split(",");if(c.length>2)return {error:"có nhiều hơn một dấu phẩy thập phân"};
          var whole=c[0],frac=c.length===2?c[1]:"";
          if((c.length===2&&frac==="")||whole==="")return {error:"thiếu chữ số trước hoặc sau dấu phẩy"};
          var g=whole.split(".");
          if(g.length>1){if(g[0].length<1||g[0].length>3||!g.slice(1).every(function(x){return x.length===3;}))
            return {error:"dấu chấm chỉ dùng phân cách hàng nghìn (ví dụ 1.234,5)"};}
          if(frac.length>4)return {error:"quá 4 chữ số thập phân"};
          var v=BigInt(g.join(""))*SCALE+BigInt((frac+"0000").slice(0,4));
          if(v>LIMIT)return {error:"\(VietnameseNumber.limitReason)"};
          return {value:neg?-v:v};
        }
        function pow10(n){var v=1n;for(var i=0;i<n;i++)v*=10n;return v;}
        function divRound(n,d){var neg=(n<0n)!==(d<0n);var a=n<0n?-n:n,b=d<0n?-d:d;var q=a/b;if((a%b)*2n>=b)q+=1n;return neg?-q:q;}
        function percent(part,whole,dec){var digits=pow10(dec);var r=divRound(part*100n*digits,whole);return r*pow10(4-dec);}
        function roundTo(v,dec){var f=pow10(4-dec);return divRound(v,f)*f;}
        function fmt(v,dec){var neg=v<0n;if(neg)v=-v;v=roundTo(v,dec);var i=(v/SCALE).toString(),f=(v%SCALE).toString();
          f=("0000"+f).slice(-4);var out="";for(var k=0;k<i.length;k++){if(k>0&&(i.length-k)%3===0)out+=".";out+=i[k];}
          if(dec>0)out+=","+f.slice(0,dec);return (neg&&v!==0n?"-":"")+out;}
        function whole(v,dec){var r=roundTo(v,dec);return fmt(r,r%SCALE===0n?0:dec);}
        function change(earlier,current,style,dec){
          if(style==="percent"){if(earlier<=0n)return "";var p=percent(current-earlier,earlier,dec);
            return p===0n?"bằng cùng kỳ":(p<0n?"giảm ":"tăng ")+whole(p<0n?-p:p,dec)+"% so với cùng kỳ";}
          if(style==="ratio"){if(earlier<=0n)return "";return "bằng "+whole(percent(current,earlier,dec),dec)+"% so với cùng kỳ";}
          var points=style==="points",raw=current-earlier,m=raw<0n?-raw:raw;
          if(!points){while(m>0n&&dec<4&&m<pow10(4-dec))dec++;}
          var d=roundTo(raw,dec);
          return d===0n?"bằng cùng kỳ":(d<0n?"giảm ":"tăng ")+(points?whole(d<0n?-d:d,dec)+" điểm phần trăm":fmt(d<0n?-d:d,dec))+" so với cùng kỳ";}
        function update(input){
          var row=input.closest("tr");if(!row)return;var r=parseVN(input.value);
          var err=row.querySelector(".field-error"),pt=row.querySelector("[data-out=target]"),py=row.querySelector("[data-out=yoy]");
          if(r.error){input.setAttribute("aria-invalid","true");if(err)err.textContent="Số \\""+input.value+"\\" không hợp lệ: "+r.error;return;}
          input.removeAttribute("aria-invalid");if(err)err.textContent="";if(r.empty)return;
          var d=input.dataset;
          if(pt){pt.textContent=d.target&&BigInt(d.target)>0n?whole(percent(r.value,BigInt(d.target),+d.targetDecimals),+d.targetDecimals)+"% kế hoạch":"";}
          if(py){py.textContent=d.lastYear?change(BigInt(d.lastYear),r.value,d.style,+d.changeDecimals):"";}
        }
        // The validation rules of the form, evaluated exactly (rationals over BigInt, each side rounded to four
        // decimals as the server does), and the built-in checks of each row: shown as one types.
        var rulesEl=document.getElementById("quy-tac"),RULES=[];
        try{RULES=rulesEl?JSON.parse(rulesEl.dataset.rules):[];}catch(e){RULES=[];}
        function rat(p,q){return q<0n?{p:-p,q:-q}:{p:p,q:q};}
        function parseExpr(s){var i=0;
          function sp(){while(i<s.length&&s[i]===" ")i++;}
          function expr(){var n=term();for(;;){sp();var c=s[i];if(c==="+"||c==="-"){i++;n={op:c,a:n,b:term()};}else return n;}}
          function term(){var n=factor();for(;;){sp();var c=s[i];if(c==="*"||c==="/"){i++;n={op:c,a:n,b:factor()};}else return n;}}
          function factor(){sp();var c=s[i],m;
            if(c==="("){i++;var n=expr();sp();if(s[i]!==")")throw 0;i++;return n;}
            if(c==="-"){i++;return {neg:factor()};}
            if((m=/^[0-9]+([.][0-9]+)?/.exec(s.slice(i)))){i+=m[0].length;var f=(m[1]||"").slice(1);
              return {num:rat(BigInt(m[0].split(".")[0]+f),10n**BigInt(f.length))};}
            if((m=/^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i)))){i+=m[0].length;return {code:m[0]};}
            throw 0;}
          var n=expr();sp();if(i!==s.length)throw 0;return n;}
        function refs(n,out){if(n.code)out.push(n.code);if(n.a){refs(n.a,out);refs(n.b,out);}if(n.neg)refs(n.neg,out);return out;}
        function ev(n,val){if(n.num)return n.num;if(n.code)return rat(val(n.code),SCALE);
          if(n.neg){var x=ev(n.neg,val);return x&&rat(-x.p,x.q);}
          var a=ev(n.a,val),b=ev(n.b,val);if(!a||!b)return null;
          if(n.op==="+")return rat(a.p*b.q+b.p*a.q,a.q*b.q);if(n.op==="-")return rat(a.p*b.q-b.p*a.q,a.q*b.q);
          if(n.op==="*")return rat(a.p*b.p,a.q*b.q);return b.p===0n?null:rat(a.p*b.q,a.q*b.p);}
        var OPS={"=":function(c){return c===0;},"!=":function(c){return c!==0;},"<":function(c){return c<0;},
          "<=":function(c){return c<=0;},">":function(c){return c>0;},">=":function(c){return c>=0;}};
        function liveChecks(){
          var box=document.getElementById("kiem-tra-nhap");if(!box)return;var vals={},msgs=[];
          document.querySelectorAll("input.value").forEach(function(el){var d=el.dataset,r=parseVN(el.value);
            vals[d.code]=r.value===undefined?null:r.value;if(r.value===undefined)return;var v=r.value;
            if(d.nonneg==="1"&&v<0n)msgs.push(["loi",d.name+": số liệu không được âm"]);
            var wc=+d.warnChange;if(wc>0&&d.lastYear&&(d.style==="percent"||d.style==="ratio")){var ly=BigInt(d.lastYear);
              if(ly>0n){var p=percent(v-ly,ly,2);if((p<0n?-p:p)>BigInt(wc)*SCALE)msgs.push(["canh_bao",d.name+": thay đổi quá "+wc+"% so với cùng kỳ"]);}}
            var wt=+d.warnTarget;if(wt>0&&d.target&&BigInt(d.target)>0n&&percent(v,BigInt(d.target),2)>BigInt(wt)*SCALE)
              msgs.push(["canh_bao",d.name+": vượt "+wt+"% kế hoạch năm"]);});
          RULES.forEach(function(rule){try{var l=parseExpr(rule.left),r=parseExpr(rule.right);
            var codes=refs(l,[]).concat(refs(r,[])),have=codes.filter(function(c){return vals[c]!==null&&vals[c]!==undefined;});
            if(rule.missing==="bo_qua_khi_thieu"&&have.length<codes.length)return;
            if(rule.missing==="bo_qua_khi_thieu_het"&&have.length===0)return;
            function val(c){var x=vals[c];return x===null||x===undefined?0n:x;}
            var a=ev(l,val),b=ev(r,val);if(!a||!b)return;
            var x=divRound(a.p*SCALE,a.q),y=divRound(b.p*SCALE,b.q);
            if(!OPS[rule.op](x<y?-1:(x>y?1:0)))msgs.push([rule.severity,rule.message]);}catch(e){}});
          box.textContent="";if(!msgs.length)return;var h=document.createElement("p");h.className="small";
          h.textContent="Khi đang nhập (chưa lưu):";box.appendChild(h);var ul=document.createElement("ul");ul.className="checks";
          msgs.forEach(function(m){var li=document.createElement("li");li.className=m[0]==="loi"?"loi":"canh-bao";
            li.textContent=(m[0]==="loi"?"Lỗi: ":"Cảnh báo: ")+m[1];ul.appendChild(li);});box.appendChild(ul);}
        document.querySelectorAll("input.value").forEach(function(el){el.addEventListener("input",function(){update(el);liveChecks();});
          if(el.value&&!el.disabled)update(el);});
        document.querySelectorAll("[data-confirm]").forEach(function(el){el.addEventListener("click",function(e){
          if(!window.confirm(el.dataset.confirm))e.preventDefault();});});
        // A large upload shows its progress: the form is sent with XMLHttpRequest, the bar follows the bytes sent,
        // then "checking" until the server answers with where to go (the dry run's page). Without the script the form
        // posts as usual.
        document.querySelectorAll("form[data-tai-len]").forEach(function(form){form.addEventListener("submit",function(e){
          var box=form.querySelector("[data-tien-do]");if(!box||!window.XMLHttpRequest)return;e.preventDefault();
          var bar=box.querySelector("progress"),text=box.querySelector("span"),xhr=new XMLHttpRequest();box.hidden=false;
          form.querySelector("button[type=submit]").disabled=true;
          xhr.upload.addEventListener("progress",function(p){if(!p.lengthComputable)return;
            var pct=Math.round(100*p.loaded/p.total);bar.value=pct;text.textContent="Đang tải lên: "+pct+"%";});
          xhr.upload.addEventListener("load",function(){bar.removeAttribute("value");
            text.textContent="Đã tải lên; đang kiểm tra (chạy thử, chưa ghi gì)…";});
          xhr.addEventListener("load",function(){window.location.assign(xhr.responseURL||form.action);});
          xhr.addEventListener("error",function(){text.textContent="Không gửi được tệp; kiểm tra kết nối rồi thử lại.";
            form.querySelector("button[type=submit]").disabled=false;});
          xhr.open("POST",form.action);xhr.send(new FormData(form));});});
        // The section editor. With the script the text box becomes an editor in which each figure is a chip saying
        // what it will print (its code on hover); the hidden text box keeps the text with {CODE.part}, which is what
        // is saved. Buttons for italics and notes, the picker searched as one types, the preview beside the text asked
        // for again a moment after each change (nothing is saved).
        var area=document.getElementById("narrative"),ed=null,labels={};
        var pane=document.getElementById("xem-truoc-truc-tiep"),timer=null;
        function schedule(){if(!pane||!area)return;clearTimeout(timer);timer=setTimeout(refresh,350);}
        function post(text){var body=new URLSearchParams(new FormData(area.form));body.set("noi_dung",text);
          return fetch(pane.dataset.previewUrl,{method:"POST",body:body,credentials:"same-origin",
            headers:{"Content-Type":"application/x-www-form-urlencoded"}}).then(function(r){return r.ok?r.text():null;});}
        function refresh(){post(area.value).then(function(html){if(html!==null){pane.innerHTML=html;
          pane.dataset.fresh=String(Date.now());}}).catch(function(){});}
        function chip(src){var c=document.createElement("span");c.className="chip";c.contentEditable="false";
          c.dataset.src=src;c.title=src;c.textContent=labels[src]!==undefined?labels[src]:src;
          if(labels[src]===undefined&&pane){post(src).then(function(html){if(html===null)return;
            var doc=new DOMParser().parseFromString(html,"text/html"),found=null;
            doc.querySelectorAll(".chip[title]").forEach(function(x){if(x.getAttribute("title")===src)found=x;});
            if(found){labels[src]=found.textContent;c.textContent=found.textContent;
              if(found.classList.contains("thieu"))c.classList.add("thieu");}});}
          else if(/^\\[thiếu số liệu/.test(c.textContent))c.classList.add("thieu");
          return c;}
        function draw(text){ed.textContent="";var re=/\\{[^{}\\n]+\\}/g,last=0,m;
          while((m=re.exec(text))){if(m.index>last)ed.appendChild(document.createTextNode(text.slice(last,m.index)));
            ed.appendChild(chip(m[0]));last=m.index+m[0].length;}
          if(last<text.length)ed.appendChild(document.createTextNode(text.slice(last)));ending();}
        // A line break that ends the editor, so that a last empty line shows and the caret can stand on it.
        function ending(){var fin=ed.querySelector("br.fin");if(fin&&fin===ed.lastChild)return fin;if(fin)fin.remove();
          fin=document.createElement("br");fin.className="fin";ed.appendChild(fin);return fin;}
        function serial(node){var out="";node.childNodes.forEach(function(n){
          if(n.nodeType===3)out+=n.nodeValue;else if(n.dataset&&n.dataset.src)out+=n.dataset.src;
          else if(n.nodeName==="BR"){if(n.className!=="fin")out+="\\n";}else{if((n.nodeName==="DIV"||n.nodeName==="P")&&out&&out.slice(-1)!=="\\n")out+="\\n";
            out+=serial(n);}});return out;}
        function sync(){ending();area.value=serial(ed).replace(/\\u00a0/g," ");schedule();}
        // Where the caret last was in the editor: a button or the picker takes the focus, and an insertion goes
        // back there (else at the end).
        var lastRange=null;
        document.addEventListener("selectionchange",function(){var sel=window.getSelection();
          if(ed&&sel.rangeCount&&ed.contains(sel.anchorNode))lastRange=sel.getRangeAt(0).cloneRange();});
        function caret(){ed.focus();var sel=window.getSelection(),r=lastRange;
          if(!r||!ed.contains(r.startContainer)){r=document.createRange();r.setStartBefore(ending());r.collapse(true);}
          sel.removeAllRanges();sel.addRange(r);return sel;}
        function insertNode(n){var sel=caret(),r=sel.getRangeAt(0);r.deleteContents();
          r.insertNode(n);if(n.nodeType===3)r.setStart(n,n.length);else r.setStartAfter(n);r.collapse(true);
          sel.removeAllRanges();sel.addRange(r);lastRange=r.cloneRange();sync();}
        function insertText(t){insertNode(document.createTextNode(t));}
        if(area&&area.dataset.chips!==undefined&&window.DOMParser&&window.getSelection){
          try{labels=JSON.parse(area.dataset.chips);}catch(e){labels={};}
          ed=document.createElement("div");ed.className="chip-editor";ed.contentEditable="true";ed.id="soan-thao";
          ed.setAttribute("role","textbox");ed.setAttribute("aria-multiline","true");
          ed.setAttribute("aria-label","Nội dung mục");ed.setAttribute("aria-describedby","goi-y");
          draw(area.value);area.hidden=true;area.parentNode.insertBefore(ed,area);
          var label=document.querySelector("label[for=narrative]");if(label)label.setAttribute("for","soan-thao");
          ed.addEventListener("input",sync);
          ed.addEventListener("keydown",function(e){if(e.key==="Enter"){e.preventDefault();insertText("\\n");}});
          ed.addEventListener("paste",function(e){e.preventDefault();
            var t=(e.clipboardData||window.clipboardData).getData("text");var tmp=document.createElement("div");
            var re=/\\{[^{}\\n]+\\}/g,last=0,m;while((m=re.exec(t))){if(m.index>last)insertText(t.slice(last,m.index));
              insertNode(chip(m[0]));last=m.index+m[0].length;}if(last<t.length)insertText(t.slice(last));});}
        function put(before,inside,after){
          if(ed){var sel=caret();
            var r=sel.getRangeAt(0),mid=inside===null?r.toString():inside;r.deleteContents();
            var node=document.createTextNode(before+mid+after);r.insertNode(node);
            var pick=document.createRange();pick.setStart(node,before.length);pick.setEnd(node,before.length+mid.length);
            sel.removeAllRanges();sel.addRange(pick);lastRange=pick.cloneRange();sync();return;}
          var s=area.selectionStart,e=area.selectionEnd,t=area.value;
          var m2=inside===null?t.slice(s,e):inside;area.value=t.slice(0,s)+before+m2+after+t.slice(e);area.focus();
          area.selectionStart=s+before.length;area.selectionEnd=s+before.length+m2.length;schedule();}
        document.querySelectorAll("button[data-insert-from]").forEach(function(btn){btn.addEventListener("click",function(e){
          var sel=document.getElementById(btn.dataset.insertFrom);if(!area||!sel||!sel.value)return;e.preventDefault();
          var v=sel.value;
          if(ed){if(v.charAt(0)==="@")insertText("\\n"+v+"\\n");else insertNode(chip(v));return;}
          if(v.charAt(0)==="@"){put("\\n"+v+"\\n","","");}else{put(v,"","");}
          area.selectionStart=area.selectionEnd;});});
        document.querySelectorAll(".toolbar[hidden]").forEach(function(bar){bar.hidden=false;});
        document.querySelectorAll("[data-no-script]").forEach(function(el){el.hidden=true;});
        document.querySelectorAll("button[data-wrap]").forEach(function(btn){btn.addEventListener("click",function(){
          if(area)put(btn.dataset.wrap,null,btn.dataset.wrap);});});
        document.querySelectorAll("button[data-note]").forEach(function(btn){btn.addEventListener("click",function(){
          if(!area)return;if(ed){if(lastRange)lastRange.collapse(false);}
          else area.selectionStart=area.selectionEnd;put("[^=","nội dung chú thích","]");});});
        function fold(x){return x.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").replace(/đ/g,"d").replace(/Đ/g,"d").toLowerCase();}
        document.querySelectorAll("input[data-filter-for]").forEach(function(box){
          var sel=document.getElementById(box.dataset.filterFor);if(!sel)return;
          function filter(){var q=fold(box.value.trim()),first=null;
            sel.querySelectorAll("optgroup").forEach(function(g){var any=false;
              g.querySelectorAll("option").forEach(function(o){var hit=!q||fold(o.textContent+" "+o.value).indexOf(q)>=0;
                o.hidden=!hit;o.disabled=!hit;if(hit){any=true;if(!first)first=o;}});g.hidden=!any;});
            if(first&&(sel.selectedOptions.length===0||sel.selectedOptions[0].hidden))sel.value=first.value;}
          box.addEventListener("input",filter);box.addEventListener("keydown",function(e){if(e.key==="Enter")e.preventDefault();});
          filter();});
        if(area)area.addEventListener("input",schedule);
        })();
        """
}
